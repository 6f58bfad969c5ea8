namespace BalanceBot.Core.Conversations;

/// <summary>One dialog file: a flow of steps. The first step is where the dialog begins.</summary>
public sealed class DialogDefinition
{
    private readonly Dictionary<string, int> _stepIndex;

    public DialogDefinition(string id, string? title, IReadOnlyList<string> triggers, IReadOnlyList<StepDefinition> steps, SourceLocation location)
    {
        Id = id;
        Title = title;
        Triggers = triggers;
        Steps = steps;
        Location = location;
        _stepIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            _stepIndex.TryAdd(steps[i].Id, i);
        }
    }

    public string Id { get; }

    public string? Title { get; }

    /// <summary>Phrases that start this dialog when typed (e.g. <c>stretch</c>, <c>/stretch</c>).</summary>
    public IReadOnlyList<string> Triggers { get; }

    public IReadOnlyList<StepDefinition> Steps { get; }

    public SourceLocation Location { get; }

    public StepDefinition? FindStep(string stepId) => _stepIndex.TryGetValue(stepId, out var i) ? Steps[i] : null;

    /// <summary>Where a step leads when it does not say: its <c>next</c>, else the following step, else nowhere.</summary>
    public string? NextStepId(StepDefinition step)
    {
        if (step.Next is not null)
        {
            return step.Next;
        }

        var i = _stepIndex[step.Id];
        return i + 1 < Steps.Count ? Steps[i + 1].Id : null;
    }
}
