using System.Globalization;
using System.Security.Cryptography;
using BalanceBot.Core.Conversations;
using BalanceBot.Storage;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Turns neutral replies into Discord messages (discord.md §2): text joined and cut at 2,000 characters, choices as
/// one row of buttons (up to 5) or a string select (up to 25), and a "Type your answer" button that opens a modal
/// for numbers, times and free text, since an interactions-only app never sees typed messages. Every
/// <c>custom_id</c> is <c>bb1:{prompt}:{slot}</c>; the prompt is saved server-side first.
/// </summary>
internal sealed class DiscordReplyRenderer(IDiscordStateStore store, TimeProvider time)
{
    public const string Version = "bb1";
    public const string TypeAnswerSlot = "t";
    public const string SelectSlot = "s";
    public const string ModalSlot = "m";

    /// <summary>How long buttons stay answerable; a reminder prompt from yesterday is of no use.</summary>
    public static readonly TimeSpan PromptLifetime = TimeSpan.FromHours(24);

    private const string TypeAnswerLabel = "Type your answer";

    /// <returns>At least one message; the components sit on the last one.</returns>
    public IReadOnlyList<InteractionCallbackData> Render(IReadOnlyList<Reply> replies, string userId, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var text = string.Join("\n\n", replies.Select(r => r.Text).Where(t => t.Length > 0));
        var chunks = Split(text.Length == 0 ? "…" : text);
        // The question being asked, or buttons offered without one (a broadcast's "Mute these messages").
        var components = ComponentsFor(replies.LastOrDefault(r => r.ExpectsInput || r.Choices.Count > 0), userId);
        int? flags = ephemeral ? InteractionCallbackTypes.EphemeralFlag : null;
        if (replies.Any(r => r.CarriesSecret))
        {
            // No link preview: a crawler fetching it would use up the one-use link.
            flags = (flags ?? 0) | InteractionCallbackTypes.SuppressEmbedsFlag;
        }

        return [.. chunks.Select((chunk, i) => new InteractionCallbackData
        {
            Content = chunk,
            Flags = flags,
            AllowedMentions = AllowedMentions.None,
            Components = i == chunks.Count - 1 ? components : null,
        })];
    }

    /// <summary>The questions that offer "type your answer" (a form); the handler accepts a form for these only.</summary>
    public static bool AcceptsTypedAnswer(AskKind? ask) => ask is AskKind.Number or AskKind.Time or AskKind.Text;

    public static string CustomId(string promptId, string slot) => $"{Version}:{promptId}:{slot}";

    /// <summary>Splits a <c>bb1:{prompt}:{slot}</c> id; anything else (an old version, a forgery) is not ours.</summary>
    public static bool TryParseCustomId(string? customId, out string promptId, out string slot)
    {
        promptId = slot = "";
        var parts = customId?.Split(':');
        if (parts is not [Version, { Length: > 0 } id, { Length: > 0 } s])
        {
            return false;
        }

        (promptId, slot) = (id, s);
        return true;
    }

    private List<Component>? ComponentsFor(Reply? reply, string userId)
    {
        var wantsTyping = AcceptsTypedAnswer(reply?.Ask);
        if (reply is null || (reply.Choices.Count == 0 && !wantsTyping))
        {
            return null;
        }

        var choices = reply.Choices.Take(ComponentTypes.MaxSelectOptions).ToList();
        var now = time.GetUtcNow();
        var prompt = new DiscordPrompt(
            NewPromptId(), userId, [.. choices.Select(c => c.Id)], reply.Ask,
            // The hint is a modal label's description, which shows no markdown.
            Truncate(reply.Text.Replace("**", string.Empty, StringComparison.Ordinal), ComponentTypes.MaxLabelDescriptionLength), now, now + PromptLifetime);
        store.SavePrompt(prompt, now);

        var rows = new List<Component>();
        if (choices.Count is > 0 and <= ComponentTypes.MaxButtonsPerRow)
        {
            rows.Add(Row([.. choices.Select((c, i) => Button(CustomId(prompt.Id, i.ToString(CultureInfo.InvariantCulture)), c.Label, ComponentTypes.SecondaryButton))]));
        }
        else if (choices.Count > ComponentTypes.MaxButtonsPerRow)
        {
            rows.Add(Row(new Component
            {
                Type = ComponentTypes.StringSelect,
                CustomId = CustomId(prompt.Id, SelectSlot),
                Placeholder = wantsTyping ? "Pick a suggestion…" : "Pick one…",
                Options = [.. choices.Select((c, i) => new SelectOption { Label = Truncate(c.Label, ComponentTypes.MaxSelectLabelLength), Value = i.ToString(CultureInfo.InvariantCulture) })],
            }));
        }

        if (wantsTyping)
        {
            rows.Add(Row(Button(CustomId(prompt.Id, TypeAnswerSlot), TypeAnswerLabel, ComponentTypes.PrimaryButton)));
        }

        return rows;
    }

    /// <summary>The form behind "Type your answer": one short text box, labelled by what kind of answer is wanted.</summary>
    public static InteractionCallbackData Modal(DiscordPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (label, maxLength) = prompt.Ask switch
        {
            AskKind.Number => ("A number", 20),
            AskKind.Time => ("A time, like 9:00 or 5:30pm", 20),
            _ => ("Your answer", 200),
        };
        return new InteractionCallbackData
        {
            CustomId = CustomId(prompt.Id, ModalSlot),
            Title = "Your answer",
            Components =
            [
                new Component
                {
                    Type = ComponentTypes.Label,
                    Label = label,
                    Description = prompt.Hint,
                    Child = new Component
                    {
                        Type = ComponentTypes.TextInput,
                        CustomId = "answer",
                        Style = ComponentTypes.ShortTextInput,
                        MinLength = 1,
                        MaxLength = maxLength,
                        Required = true,
                    },
                },
            ],
        };
    }

    /// <summary>12 random characters from a 62-letter alphabet: about 71 bits, not guessable by another user.</summary>
    private static string NewPromptId() =>
        RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 12);

    private static Component Row(params Component[] children) => new() { Type = ComponentTypes.ActionRow, Components = [.. children] };

    private static Component Button(string customId, string label, int style) =>
        new() { Type = ComponentTypes.Button, Style = style, CustomId = customId, Label = Truncate(label, ComponentTypes.MaxButtonLabelLength) };

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>Cuts at the last paragraph or line break that fits, so a sentence is rarely split.</summary>
    private static List<string> Split(string text)
    {
        var chunks = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > ComponentTypes.MaxContentLength)
        {
            var window = rest[..ComponentTypes.MaxContentLength];
            var cut = window.LastIndexOf("\n\n");
            cut = cut > 0 ? cut : window.LastIndexOf('\n');
            cut = cut > 0 ? cut : window.LastIndexOf(' ');
            cut = cut > 0 ? cut : ComponentTypes.MaxContentLength;
            chunks.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        chunks.Add(rest.ToString());
        return chunks;
    }
}
