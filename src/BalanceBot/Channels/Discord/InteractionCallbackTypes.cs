namespace BalanceBot.Channels.Discord;

/// <summary>Interaction response (callback) types and message flags (discord.md §1.6).</summary>
internal static class InteractionCallbackTypes
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int ApplicationCommandAutocompleteResult = 8;
    public const int Modal = 9;

    /// <summary>Message flag: only the user who interacted sees the message.</summary>
    public const int EphemeralFlag = 1 << 6;

    /// <summary>No link previews: a preview crawler would use up a one-use export link (issue 14 §12).</summary>
    public const int SuppressEmbedsFlag = 1 << 2;
}
