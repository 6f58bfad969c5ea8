namespace BalanceBot.Storage;

/// <summary>
/// Discord's server-side state: the prompts behind buttons and, per Discord user id, the DM channel and the dialog
/// question asked last (discord.md §2.5, §4.2).
/// </summary>
internal interface IDiscordStateStore
{
    /// <summary>Saves the prompt; a dialog question (<see cref="DiscordPrompt.Ask"/> set) also becomes the user's current one.</summary>
    void SavePrompt(DiscordPrompt prompt, DateTimeOffset now);

    DiscordPrompt? FindPrompt(string id);

    /// <summary>Marks the prompt answered; false when it already was (a double click, or a second tab) or is unknown.</summary>
    bool TryClaim(string promptId);

    /// <summary>The id of the dialog question the user was asked last, the only one whose buttons still answer.</summary>
    string? CurrentQuestion(string userId);

    string? DmChannel(string userId);

    /// <summary>Keeps the user's DM channel; null forgets it (the channel went).</summary>
    void SetDmChannel(string userId, string? channelId);
}
