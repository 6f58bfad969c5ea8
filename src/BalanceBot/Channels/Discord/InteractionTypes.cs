namespace BalanceBot.Channels.Discord;

/// <summary>Interaction types Discord sends (discord.md §1.5).</summary>
internal static class InteractionTypes
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int ApplicationCommandAutocomplete = 4;
    public const int ModalSubmit = 5;
}
