using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>docs/safety-sources.md keeps up with the check-up and the built-in numbers (issue 23).</summary>
public sealed class SafetySourcesTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryPaths.Dialogs, "..", "docs", "safety-sources.md"));

    [Fact]
    public void Every_red_flag_of_the_check_up_is_listed_with_its_floor()
    {
        var checkup = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create()).GetDialog("checkup");
        var redFlags = checkup.Steps.Where(s => s.RedFlag).ToList();

        Assert.NotEmpty(redFlags);
        Assert.All(redFlags, step =>
        {
            var row = Page.Split('\n').SingleOrDefault(line => line.StartsWith($"| `{step.Id}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"{step.Id} is missing from docs/safety-sources.md");
            var floors = step.Choices.Where(c => c.Level is not null).Select(c => TriageLevels.Name(c.Level!.Value)).ToList();
            Assert.NotEmpty(floors);
            Assert.Contains(floors, floor => row!.Contains($"`{floor}`", StringComparison.Ordinal) || row!.Contains(floor, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Every_built_in_country_is_listed_with_its_numbers()
    {
        Assert.All(SafetyContactDirectory.BuiltIn, country =>
        {
            var row = Page.Split('\n').Single(line => line.StartsWith($"| `{country.Key}` |", StringComparison.Ordinal));
            Assert.Contains(country.Value.Emergency, row, StringComparison.Ordinal);
        });
    }
}
