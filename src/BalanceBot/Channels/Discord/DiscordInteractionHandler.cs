using System.Globalization;
using System.Numerics;
using BalanceBot.Admin;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Turns a verified interaction into a Core turn and the turn's replies into Discord's answer (issue 6 §2-§3): slash
/// commands become the words Core knows, button clicks and select picks the choice ids saved behind their
/// <c>custom_id</c>, and modal submits typed text. Clicks are checked against the prompt's owner and freshness first.
/// </summary>
internal sealed partial class DiscordInteractionHandler(
    ConversationEngine engine,
    IReminderStore reminders,
    AdminDirectory admins,
    IDiscordStateStore store,
    DiscordReplyRenderer renderer,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordInteractionHandler> logger)
{

    public const string NotYours = "These buttons belong to someone else's conversation, so I can't take your answer here. Use /checkup or /help to start your own.";
    public const string Expired = "That question has expired, so nothing was changed. Use /checkup, /stretch or /help to pick up again.";
    public const string AlreadyAnswered = "You've already answered that one; see my reply above. Use /help if you'd like something else.";
    public const string DmsClosed = "I couldn't send your last movement reminder: Discord doesn't let me message you directly (your privacy settings block DMs from server members, or we no longer share a server). Allow direct messages for this server, then use /resume to have reminders back.";
    public const string Unknown = "Sorry, I don't know that one on Discord. Use /help to see what I can do.";

    public async Task<DiscordAnswer> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Invoker?.Id is not { Length: > 0 } userId || interaction.Data is null)
        {
            LogNotHandled(interaction.Id, interaction.Type, "no user or data");
            return DiscordAnswer.Private(Unknown);
        }

        if (interaction.IsInBotDm && interaction.ChannelId is { } dmChannel && store.DmChannel(userId) != dmChannel)
        {
            // The bot's DM channel comes free with a DM interaction: reminders need not create it (discord.md §1.8).
            store.SetDmChannel(userId, dmChannel);
        }

        return interaction.Type switch
        {
            InteractionTypes.ApplicationCommand => await CommandAsync(interaction, userId, cancellationToken).ConfigureAwait(false),
            InteractionTypes.MessageComponent => await ComponentAsync(interaction, userId, cancellationToken).ConfigureAwait(false),
            InteractionTypes.ModalSubmit => await ModalSubmitAsync(interaction, userId, cancellationToken).ConfigureAwait(false),
            _ => NotHandled(interaction, "unknown interaction type"),
        };
    }

    private async Task<DiscordAnswer> CommandAsync(Interaction interaction, string userId, CancellationToken cancellationToken)
    {
        return DiscordCommands.ToText(interaction.Data!) is { } text
            ? await TurnAsync(interaction, userId, text, choiceId: null, cancellationToken, isCommand: true).ConfigureAwait(false)
            : NotHandled(interaction, "unknown command");
    }

    private async Task<DiscordAnswer> ComponentAsync(Interaction interaction, string userId, CancellationToken cancellationToken)
    {
        var data = interaction.Data!;
        var (prompt, refusal) = Open(interaction, userId, out var slot);
        if (prompt is null)
        {
            return refusal!;
        }

        if (slot == DiscordReplyRenderer.TypeAnswerSlot)
        {
            // Opening the form answers nothing yet; the prompt is claimed when the form comes back.
            return !DiscordReplyRenderer.AcceptsTypedAnswer(prompt.Ask) ? DiscordAnswer.Private(Expired) : new DiscordAnswer(new InteractionResponse { Type = InteractionCallbackTypes.Modal, Data = DiscordReplyRenderer.Modal(prompt) }, []);
        }

        var picked = slot == DiscordReplyRenderer.SelectSlot ? data.Values?.FirstOrDefault() : slot;
        if (!int.TryParse(picked, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= prompt.ChoiceIds.Count)
        {
            return NotHandled(interaction, "component slot out of range");
        }

        if (!store.TryClaim(prompt.Id))
        {
            return DiscordAnswer.Private(AlreadyAnswered);
        }

        // A suggestion under a free-text question is an answer typed for the user; anything else is a choice id.
        var choiceId = prompt.ChoiceIds[index];
        return prompt.Ask == AskKind.Text
            ? await TurnAsync(interaction, userId, choiceId, choiceId: null, cancellationToken).ConfigureAwait(false)
            : await TurnAsync(interaction, userId, text: null, choiceId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DiscordAnswer> ModalSubmitAsync(Interaction interaction, string userId, CancellationToken cancellationToken)
    {
        var (prompt, refusal) = Open(interaction, userId, out var slot);
        if (prompt is null)
        {
            return refusal!;
        }

        if (slot != DiscordReplyRenderer.ModalSlot)
        {
            return NotHandled(interaction, "form with a button's id");
        }

        if (!DiscordReplyRenderer.AcceptsTypedAnswer(prompt.Ask))
        {
            // Only a question that offers "type your answer" gets a form; a forged one must not answer a choice
            // or yes/no question with free text (issue 14 §12).
            return NotHandled(interaction, "form for a question that takes no typed answer");
        }

        if (!store.TryClaim(prompt.Id))
        {
            return DiscordAnswer.Private(AlreadyAnswered);
        }

        var text = TextInputs(interaction.Data!.Components).FirstOrDefault(v => v.Length > 0) ?? "";
        return await TurnAsync(interaction, userId, text, choiceId: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The prompt behind a click or form when it is this user's, unexpired and still the open question; otherwise
    /// why not, in words for the user who clicked: always ephemeral, never an error.
    /// </summary>
    private (DiscordPrompt? Prompt, DiscordAnswer? Refusal) Open(Interaction interaction, string userId, out string slot)
    {
        var prompt = DiscordReplyRenderer.TryParseCustomId(interaction.Data!.CustomId, out var promptId, out slot) ? store.FindPrompt(promptId) : null;
        var (reason, text) = prompt switch
        {
            null => ("unknown or expired prompt", Expired),
            _ when prompt.UserId != userId => ("another user's prompt", NotYours),
            _ when prompt.ExpiresUtc < time.GetUtcNow() => ("expired prompt", Expired),
            _ when prompt.Used => ("prompt already answered", AlreadyAnswered),
            _ when prompt.Ask is not null && store.CurrentQuestion(userId) != prompt.Id => ("question no longer open", Expired),
            _ => (null, null),
        };
        if (reason is null)
        {
            return (prompt, null);
        }

        LogRefused(interaction.Id, reason);
        return (null, DiscordAnswer.Private(text!));
    }

    private async Task<DiscordAnswer> TurnAsync(Interaction interaction, string userId, string? text, string? choiceId, CancellationToken cancellationToken, bool isCommand = false)
    {
        var user = interaction.Invoker!;
        var turn = new Turn
        {
            Kind = TurnKind.Message,
            UserKey = ChannelNames.DiscordKeyPrefix + userId,
            ConversationKey = ChannelNames.DiscordKeyPrefix + userId,
            ActivityId = interaction.Id,
            Text = text,
            ChoiceId = choiceId,
            IsCommand = isCommand,
            IsAdmin = IsWellnessTeam(interaction, userId),
            UserDisplayName = user.GlobalName ?? user.Username,
            Locale = interaction.Locale,
            Address = new ConversationAddress(ChannelNames.Discord, userId),
        };
        var replies = await engine.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        if (replies.Count == 0)
        {
            // A redelivered interaction (same id): it was answered the first time.
            return DiscordAnswer.Private(AlreadyAnswered);
        }

        // Discord offers no check before a DM fails (discord.md §4.3), so the user hears about it here, in private.
        if (await reminders.FindAsync(turn.UserKey, cancellationToken).ConfigureAwait(false) is { Unreachable: true })
        {
            replies = [.. replies, Reply.Say(DmsClosed)];
        }

        // Health conversations never show in a server channel: everything outside the bot's DM is ephemeral.
        return DiscordAnswer.Message(renderer.Render(replies, userId, ephemeral: !interaction.IsInBotDm));
    }

    /// <summary>
    /// A configured id, or a server member holding <c>Discord:BroadcastPermission</c> (0: Administrator). The command
    /// is hidden from others, but a server can change who sees a command, so the member's permissions are checked here.
    /// </summary>
    private bool IsWellnessTeam(Interaction interaction, string userId)
    {
        if (admins.IsDiscordAdmin(userId))
        {
            return true;
        }

        if (interaction.Member?.Permissions is not { } permissions || !BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var held))
        {
            return false;
        }

        var required = BigInteger.Parse(options.Value.BroadcastPermission, NumberStyles.None, CultureInfo.InvariantCulture);
        return required.IsZero ? (held & AdministratorPermission) == AdministratorPermission : (held & required) == required;
    }

    private static readonly BigInteger AdministratorPermission = BigInteger.One << 3;

    private DiscordAnswer NotHandled(Interaction interaction, string reason)
    {
        LogNotHandled(interaction.Id, interaction.Type, reason);
        return DiscordAnswer.Private(Unknown);
    }

    /// <summary>Text inputs in either modal shape: Action Rows (legacy) or Labels (discord.md §8 trap 8).</summary>
    private static IEnumerable<string> TextInputs(IEnumerable<Component>? components)
    {
        foreach (var component in components ?? [])
        {
            if (component.Value is { } value)
            {
                yield return value;
            }

            foreach (var nested in TextInputs(component.Components).Concat(TextInputs(component.Child is null ? null : [component.Child])))
            {
                yield return nested;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord interaction {InteractionId} of type {InteractionType} not handled: {Reason}")]
    private partial void LogNotHandled(string? interactionId, int interactionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord interaction {InteractionId} refused: {Reason}")]
    private partial void LogRefused(string? interactionId, string reason);
}
