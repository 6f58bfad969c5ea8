using System.Text.Json;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;
using BalanceBot.Hosting;
using BalanceBot.Admin;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BalanceBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: reads and checks the activity, runs the turn, and delivers the replies either through
/// the Connector at the activity's <c>serviceUrl</c> or, for <c>deliveryMode: expectReplies</c>, in the response.
/// Bad input gets a 4xx problem response and never reaches the engine or storage.
/// </summary>
internal sealed partial class BotFrameworkAdapter(
    ConversationEngine engine,
    AdminDirectory admins,
    DialogCatalog dialogs,
    ICardPromptStore prompts,
    BotFrameworkConnectorClient connector,
    BotFrameworkTokenValidator tokens,
    BodyReadBudget bodies,
    TurnSlots turns,
    IOptions<BotFrameworkOptions> options,
    ILogger<BotFrameworkAdapter> logger)
{
    /// <summary>Largest accepted body; Teams caps messages near 28 KB, so this leaves room for cards and channelData.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const int MaxIdLength = 1024;

    /// <summary>What the channel sees when someone talks to BalanceBot there: nothing about them or their health.</summary>
    /// <summary>The dialog whose first line answers a press on a card that no longer stands for the open question.</summary>
    public const string MovedOnDialog = "moved_on";

    public const string PrivateChatNotice = "I've sent you a private message, so we can talk there.";

    public async Task<IResult> ProcessAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        JsonWebToken? token = null;
        var fromEmulator = false;
        if (options.Value.IsLocalMode)
        {
            if (request.Headers.Authorization.Count > 0)
            {
                // Local mode validates nothing, so a token cannot be honoured (botframework.md §2.5: such requests fail).
                return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "This bot runs in local mode (no MicrosoftAppId) and accepts only requests without a token.");
            }
        }
        else
        {
            // Authenticated before the body is read, parsed or stored (issue 5).
            JsonWebToken? validated;
            bool emulator;
            string? failure;
            try
            {
                (validated, emulator, failure) = await tokens.ValidateAsync(request.Headers.Authorization.ToString(), http.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidOperationException && !http.RequestAborted.IsCancellationRequested)
            {
                // The signing keys could not be fetched: not the caller's fault, and Teams retries a 503.
                LogSigningKeysUnavailable(ex.GetType().Name);
                return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The bot cannot check tokens right now. Try again shortly.");
            }

            if (validated is null)
            {
                LogUnauthorized(failure!);
                return Unauthorized();
            }

            token = validated;
            fromEmulator = emulator;
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json.");
        }

        using var body = await bodies.ReadAsync(http, MaxBodyBytes).ConfigureAwait(false);
        switch (body.Status)
        {
            case RequestBodyStatus.TooLarge:
                return TooLarge();
            case RequestBodyStatus.Unreadable:
                return Problem(StatusCodes.Status400BadRequest, "Unreadable body", "The request body could not be read.");
            case RequestBodyStatus.Busy:
                http.Response.Headers.RetryAfter = "1";
                return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "Too many requests from this client are still sending their bodies. Try again shortly.");
            case RequestBodyStatus.TimedOut:
                return Problem(StatusCodes.Status408RequestTimeout, "Request timeout", "The request body did not arrive in time.");
        }

        if (!Hosting.JsonText.IsReadable(body.Bytes))
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body contains text that is not valid UTF-8.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body.Bytes, BotFrameworkJson.Default.Activity);
        }
        catch (JsonException ex)
        {
            // The message names the JSON path and position, never the content.
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", $"The body is not a valid activity: {ex.Message}");
        }

        if (token is not null && activity is not null
            && await tokens.CheckActivityAsync(token, fromEmulator, activity.ServiceUrl, activity.ChannelId, http.RequestAborted).ConfigureAwait(false) is { } activityFailure)
        {
            LogUnauthorized(activityFailure);
            return Unauthorized();
        }

        // Authenticated (or local mode): only now does the request compete for a turn slot (issue 14 §1).
        if (await turns.AdmitAsync(http).ConfigureAwait(false) is null)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "Too many turns are running. Try again shortly.");
        }

        // A channel token is not bound to the user, so replies in the HTTP response would hand anyone who captured
        // one another user's conversation: only local mode and the Emulator may ask for them (issue 14 §3).
        if (activity is not null && ExpectsReplies(activity) && !options.Value.IsLocalMode && !fromEmulator)
        {
            LogRejected(activity.Id, activity.Type ?? "", "expectReplies with a channel token");
            return Problem(StatusCodes.Status400BadRequest, "Delivery mode not accepted", "deliveryMode expectReplies is accepted only in local mode (no MicrosoftAppId) or from the Bot Framework Emulator.");
        }

        return await ProcessActivityAsync(activity, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task<IResult> ProcessActivityAsync(Activity? activity, CancellationToken cancellationToken)
    {
        if (activity is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body must be a JSON object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "type is required.");
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            // What botbuilder's ActivityHandler answers for an invoke it has no handler for.
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate))
        {
            // Receivers should ignore activity types they do not handle (A2006).
            return Results.Ok();
        }

        if (Invalid(activity) is { } reason)
        {
            LogRejected(activity.Id, activity.Type, reason);
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", reason);
        }

        if (IsTeamsGroupConversation(activity) && !ExpectsReplies(activity))
        {
            if (activity.Type != ActivityTypes.Message)
            {
                // No greeting in public: people meet BalanceBot when they message it.
                return Results.Ok();
            }

            if (!await TryMoveToPrivateChatAsync(activity, cancellationToken).ConfigureAwait(false))
            {
                return Results.Ok();
            }
        }

        var turn = ActivityMapper.ToTurn(activity);
        if (turn is null)
        {
            return Results.Ok();
        }

        turn = turn with { IsAdmin = admins.IsTeamsAdmin(activity.From?.Id, activity.From?.AadObjectId) };

        IReadOnlyList<Reply> replies;
        if (ActivityMapper.IsCardSubmit(activity)
            && prompts.TryClaim(ActivityMapper.PromptIdFrom(activity.Value), turn.UserKey, turn.ChoiceId) is { } refusal)
        {
            // An old, forged or someone else's card answers nothing: the open question stays as it was (issue 13).
            LogPressRefused(activity.Id, refusal);
            replies = [Reply.Say(dialogs.GetDialog(MovedOnDialog).Steps[0].Text!)];
        }
        else
        {
            replies = await engine.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        if (ExpectsReplies(activity))
        {
            // An export link is a bearer secret: it travels only through the channel, never in an HTTP response.
            var withheld = replies.Count(reply => reply.CarriesSecret);
            var outgoing = replies.Where(reply => !reply.CarriesSecret).Select(reply => ActivityMapper.ToActivity(activity, reply, prompts)).ToList();
            if (withheld > 0)
            {
                LogExportLinkWithheld(activity.Id);
            }

            return Results.Json(new ExpectedReplies(outgoing), BotFrameworkJson.Default.ExpectedReplies);
        }

        await DeliverAsync(activity, turn, [.. replies.Select(reply => ActivityMapper.ToActivity(activity, reply, prompts))], cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    /// <summary>
    /// Health conversations are never held in a team channel or group chat (issue 5; triage.md §4.1 item 10): the
    /// bot opens (or reuses) its 1:1 chat with the sender, says so in the channel in neutral words, and the turn runs
    /// in the 1:1 chat: the activity is re-addressed to it. False when the chat could not be opened.
    /// </summary>
    private async Task<bool> TryMoveToPrivateChatAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenantId = activity.Conversation!.TenantId ?? TenantOf(activity);
        string privateId;
        try
        {
            privateId = await connector.CreatePersonalConversationAsync(activity.ServiceUrl!, activity.Recipient ?? new ChannelAccount(), activity.From!, tenantId, cancellationToken).ConfigureAwait(false);
            await connector.SendAsync(activity.ServiceUrl!, ActivityMapper.ToActivity(activity, Reply.Say(PrivateChatNotice), prompts: null), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectorException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogPrivateChatFailed(activity.Id, (ex as ConnectorException)?.StatusCode);
            return false;
        }

        // The same activity, re-addressed: every field the channel sent (known or not) goes with it.
        activity.Conversation = new ConversationAccount { Id = privateId, ConversationType = "personal", TenantId = tenantId };
        activity.MovedToPrivateChat = true;
        return true;
    }

    private static bool IsTeamsGroupConversation(Activity activity) =>
        activity.ChannelId == "msteams"
        && (activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "channel" or "groupChat");

    private static string? TenantOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private async Task DeliverAsync(Activity inbound, Turn turn, List<Activity> outgoing, CancellationToken cancellationToken)
    {
        foreach (var reply in outgoing)
        {
            try
            {
                await connector.SendAsync(inbound.ServiceUrl!, reply, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or ConnectorException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The turn is saved and a redelivery would be dropped as a duplicate, so answering 200 is right; the
                // remaining replies are not sent out of order. Retries with back-off come with the Teams channel.
                LogDeliveryFailed(turn.ConversationKey, inbound.Id, (ex as ConnectorException)?.StatusCode);
                return;
            }
        }
    }

    private static string? Invalid(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "conversation.id is required.";
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "from.id is required.";
        }

        if (activity.Conversation.Id.Length > MaxIdLength || activity.From.Id.Length > MaxIdLength
            || activity.Id?.Length > MaxIdLength || activity.ChannelId?.Length > MaxIdLength)
        {
            return $"ids must be at most {MaxIdLength} characters.";
        }

        if (!ExpectsReplies(activity)
            && (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)))
        {
            return "serviceUrl must be an absolute http or https URL (or set deliveryMode to expectReplies).";
        }

        return null;
    }

    private static bool ExpectsReplies(Activity activity) =>
        string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);

    private static IResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "The request does not carry a valid Bot Framework token for this bot.");

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"The body must be at most {MaxBodyBytes / 1024} KB.");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An export link for activity {ActivityId} was withheld from an expectReplies response")]
    private partial void LogExportLinkWithheld(string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a private chat for activity {ActivityId} (connector status {StatusCode}); nothing was said in public")]
    private partial void LogPrivateChatFailed(string? activityId, int? statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys unavailable ({ExceptionType}); requests get 503")]
    private partial void LogSigningKeysUnavailable(string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card press on activity {ActivityId} refused: {Reason}")]
    private partial void LogPressRefused(string? activityId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated request: {Reason}")]
    private partial void LogUnauthorized(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected activity {ActivityId} of type {ActivityType}: {Reason}")]
    private partial void LogRejected(string? activityId, string activityType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver replies to activity {ActivityId} in {ConversationKey} (connector status {StatusCode})")]
    private partial void LogDeliveryFailed(string conversationKey, string? activityId, int? statusCode);
}
