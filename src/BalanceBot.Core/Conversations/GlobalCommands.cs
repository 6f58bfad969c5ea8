namespace BalanceBot.Core.Conversations;

/// <summary>Recognises the global interruptions. Dialog content may not reuse these phrases (the validator checks).</summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Phrases = new(StringComparer.Ordinal)
    {
        ["help"] = GlobalCommand.Help,
        ["?"] = GlobalCommand.Help,
        ["/help"] = GlobalCommand.Help,
        ["what can you do"] = GlobalCommand.Help,
        ["cancel"] = GlobalCommand.Cancel,
        ["/cancel"] = GlobalCommand.Cancel,
        ["never mind"] = GlobalCommand.Cancel,
        ["nevermind"] = GlobalCommand.Cancel,
        ["start over"] = GlobalCommand.StartOver,
        ["start again"] = GlobalCommand.StartOver,
        ["restart"] = GlobalCommand.StartOver,
        ["menu"] = GlobalCommand.Menu,
        ["/menu"] = GlobalCommand.Menu,
        ["main menu"] = GlobalCommand.Menu,
    };

    public static IEnumerable<string> AllPhrases => Phrases.Keys;

    public static GlobalCommand Recognize(string normalizedText) =>
        Phrases.TryGetValue(normalizedText, out var command) ? command : GlobalCommand.None;
}
