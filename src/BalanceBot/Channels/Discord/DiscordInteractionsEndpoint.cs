using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BalanceBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// <c>POST /api/discord/interactions</c> (discord.md §1): the Ed25519 signature over timestamp and raw body is checked
/// before anything is parsed, a stale timestamp counts as a replay, PING is answered inline with PONG. Everything else
/// is answered inline when the turn is done inside <see cref="DiscordOptions.AcknowledgeWithinMilliseconds"/>, and
/// otherwise deferred ("thinking…") and completed through the interaction token, so the first answer is always
/// back inside Discord's 3 seconds (issue 6 §4).
/// </summary>
internal sealed partial class DiscordInteractionsEndpoint(
    DiscordSignatureVerifier signatures,
    DiscordInteractionHandler handler,
    DiscordFollowUps followUps,
    BodyReadBudget bodies,
    DiscordReplayGuard replays,
    TurnSlots turns,
    IHostApplicationLifetime lifetime,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordInteractionsEndpoint> logger)
{
    /// <summary>Interactions carry resolved users, roles and messages; the server-wide cap (256 KiB) leaves room for them.</summary>
    public const int MaxBodyBytes = (int)Hosting.InboundLimits.MaxRequestBodyBytes;

    public const string Apology = "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var signature = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            LogUnauthorized("signature headers missing");
            return Results.Unauthorized();
        }

        // The body is read under its own per-client budget, outside the turn limiter: the signature is over it, and
        // nobody may hold a turn slot before the signature is checked (issue 14 §1).
        using var body = await bodies.ReadAsync(http, MaxBodyBytes).ConfigureAwait(false);
        switch (body.Status)
        {
            case RequestBodyStatus.TooLarge:
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            case RequestBodyStatus.Unreadable:
                return Results.BadRequest();
            case RequestBodyStatus.Busy:
                http.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case RequestBodyStatus.TimedOut:
                return Results.StatusCode(StatusCodes.Status408RequestTimeout);
        }

        // Discord sends invalid signatures on purpose and drops an endpoint that accepts one (discord.md §1.1).
        if (!signatures.IsValid(timestamp, body.Bytes, signature))
        {
            LogUnauthorized("signature does not verify");
            return Results.Unauthorized();
        }

        if (!IsFresh(timestamp))
        {
            LogUnauthorized("timestamp outside the allowed skew");
            return Results.Unauthorized();
        }

        if (!Hosting.JsonText.IsReadable(body.Bytes))
        {
            return Results.BadRequest();
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body.Bytes, DiscordJson.Default.Interaction);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (interaction is null)
        {
            return Results.BadRequest();
        }

        if (interaction.Type != InteractionTypes.Ping && interaction.Id is { } id
            && !replays.TryAccept(id, long.Parse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture)))
        {
            LogUnauthorized("interaction id already seen inside the timestamp window (a replay)");
            return Results.Unauthorized();
        }

        return await AnswerAsync(http, interaction).ConfigureAwait(false);
    }

    private bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(age) <= options.Value.MaxTimestampSkewSeconds;
    }

    private async Task<IResult> AnswerAsync(HttpContext http, Interaction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionTypes.Ping:
                return Json(InteractionResponse.Pong);
            case InteractionTypes.ApplicationCommandAutocomplete:
                // No command offers autocomplete; an empty list is the polite answer to a stale client.
                return Json(new InteractionResponse { Type = InteractionCallbackTypes.ApplicationCommandAutocompleteResult, Data = new InteractionCallbackData { Choices = [] } });
        }

        // Authenticated: only now does the request compete for a turn slot (PING and autocomplete need none).
        if (await turns.AdmitAsync(http).ConfigureAwait(false) is null)
        {
            LogBusy(interaction.Id, followUps.Pending);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // Back-pressure: a turn that might be deferred is only started while the deferred work behind it is bounded.
        if (followUps.Pending >= options.Value.MaxPendingFollowUps)
        {
            LogBusy(interaction.Id, followUps.Pending);
            http.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // The turn runs on the host's life, not the request's: if it is deferred it must finish after this response.
        // Storage calls are synchronous, so the turn starts on the pool: a blocked disk must not block the budget.
        var work = Task.Run(() => handler.HandleAsync(interaction, lifetime.ApplicationStopping), CancellationToken.None);
        var budget = TimeSpan.FromMilliseconds(options.Value.AcknowledgeWithinMilliseconds);
        if (!work.IsCompleted && budget > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(budget, time, http.RequestAborted)).ConfigureAwait(false);
        }

        if (!work.IsCompletedSuccessfully)
        {
            if (work.IsFaulted || interaction.Token is null)
            {
                // Never an error status: Discord would show the user "This interaction failed".
                LogTurnFailed(interaction.Id, work.Exception?.InnerException?.GetType().Name ?? "no token");
                return Json(DiscordAnswer.Private(Apology).Initial);
            }

            LogDeferred(interaction.Id, interaction.Type);
            followUps.CompleteDeferred(interaction, work);
            return Json(new InteractionResponse
            {
                Type = InteractionCallbackTypes.DeferredChannelMessageWithSource,
                Data = interaction.IsInBotDm ? null : new InteractionCallbackData { Flags = InteractionCallbackTypes.EphemeralFlag },
            });
        }

        var answer = work.Result;
        if (answer.FollowUps.Count > 0 && interaction.Token is not null)
        {
            // Follow-ups need the first answer to have reached Discord, so they start once the response is sent.
            http.Response.OnCompleted(() =>
            {
                followUps.SendAfter(interaction, answer.FollowUps);
                return Task.CompletedTask;
            });
        }

        return Json(answer.Initial);
    }

    private static IResult Json(InteractionResponse response) =>
        Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(response, DiscordJson.Default.InteractionResponse), "application/json");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} refused with 503: {Pending} deferred answers still to send")]
    private partial void LogBusy(string? interactionId, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction refused: {Reason}")]
    private partial void LogUnauthorized(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord interaction {InteractionId} of type {InteractionType} deferred: the turn is still running")]
    private partial void LogDeferred(string? interactionId, int interactionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord interaction {InteractionId} failed: {Error}")]
    private partial void LogTurnFailed(string? interactionId, string error);
}
