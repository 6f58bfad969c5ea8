namespace BalanceBot.Core.Conversations;

/// <summary>One dialog on the stack: which dialog, where it stands, and the answers it has collected so far.</summary>
public sealed class DialogFrame
{
    public required string DialogId { get; init; }

    /// <summary>The step the dialog waits on (an ask, or a goto that called another dialog).</summary>
    public required string StepId { get; set; }

    /// <summary>Unrecognised answers to the current ask.</summary>
    public int Attempts { get; set; }

    /// <summary>Answers saved by ask steps and values set by actions. Dropped when the dialog ends.</summary>
    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);
}
