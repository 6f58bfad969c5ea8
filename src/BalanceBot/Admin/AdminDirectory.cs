using Microsoft.Extensions.Options;

namespace BalanceBot.Admin;

/// <summary>
/// Who is on the wellness team, per channel (issue 7): configured ids, matched exactly. In local mode (no
/// MicrosoftAppId) nothing on /api/messages is authenticated, so anyone could post as a configured Teams admin:
/// <c>Admin:TeamsAdmins</c> is ignored there, and start-up says so (issue 14 §5).
/// </summary>
internal sealed partial class AdminDirectory(IOptions<AdminOptions> options, TeamsSenderAuthentication teams, ILogger<AdminDirectory> logger) : IHostedService
{
    private readonly HashSet<string> _teams = teams.IsAuthenticated
        ? new(options.Value.TeamsAdmins.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase)
        : [];

    private readonly HashSet<string> _discord = new(options.Value.DiscordAdmins.Select(id => id.Trim()), StringComparer.Ordinal);

    /// <param name="aadObjectId">Preferred: stable across a tenant's apps. Object ids are GUIDs, so case does not matter.</param>
    public bool IsTeamsAdmin(string? userId, string? aadObjectId) =>
        (aadObjectId is { Length: > 0 } && _teams.Contains(aadObjectId)) || (userId is { Length: > 0 } && _teams.Contains(userId));

    public bool IsDiscordAdmin(string userId) => _discord.Contains(userId);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!teams.IsAuthenticated && options.Value.TeamsAdmins.Count > 0)
        {
            LogTeamsAdminsIgnored(options.Value.TeamsAdmins.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local mode (no MicrosoftAppId): the {Count} Admin:TeamsAdmins entries are ignored, because requests on /api/messages are not authenticated. Set MicrosoftAppId to use them.")]
    private partial void LogTeamsAdminsIgnored(int count);
}
