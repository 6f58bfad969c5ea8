using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalanceBot.Benchmarks;

/// <summary>A loopback Connector that accepts every reply with <c>{"id":"1"}</c>, as the reference run's sink did.</summary>
internal sealed class ReplySink
{
    private long _received;

    /// <summary>Replies received so far: one per turn when every turn is understood.</summary>
    public long Received => Interlocked.Read(ref _received);

    public async Task<(WebApplication App, string ServiceUrl)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            // Drain the body so the connection can be reused, then answer like the Connector.
            await http.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _received);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"id":"1"}""");
        });
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }
}
