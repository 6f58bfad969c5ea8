using System.Globalization;
using BalanceBot.Core.Checkup;
using BalanceBot.Core.Tests.Conversations;
using Xunit.Abstractions;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// The development set (issues 3 and 17, development-set.tsv): first-person cases built from the tables of
/// triage.md §2 and §3, with the contrast pairs of issue 17, run through the real engine and dialogs by a scripted
/// user who types free text as well as pressing buttons. Gold levels are the tables' dispositions (§3.4 for the
/// no-red-flag cases), not what the dialogs happen to say. Release gates from triage.md §6.4: zero under-triage and
/// crisis resources in every crisis case. Issue 17's length targets: a mild case reaches guidance in at most 10 user
/// messages (presses counted), non-emergency cases in at most 12 on average, an emergency in at most 4.
/// </summary>
public sealed class DevelopmentSetTests(ITestOutputHelper output)
{
    public static IReadOnlyList<DevelopmentCase> Cases { get; } = DevelopmentCase.Load();

    [Fact]
    public async Task The_development_set_meets_the_safety_gates_and_the_length_targets_and_reports_its_accuracy()
    {
        var results = new List<(DevelopmentCase Case, CheckupResult Result)>();
        foreach (var devCase in Cases)
        {
            using var bot = await new EngineHarness(CheckupCatalog.Catalog).WelcomedAsync();
            results.Add((devCase, await new ScriptedPatient(bot, devCase.Answers).RunAsync(devCase.Opening)));
        }

        // Crisis language caught by the safety scan ends in the crisis answer, which has no level of its own.
        var triaged = results.Where(r => !r.Case.Crisis || r.Case.Answers.ContainsKey("mood_safety")).ToList();
        var exact = triaged.Count(r => r.Result.Level == r.Case.Gold);
        var under = triaged.Where(r => r.Result.Level is null || r.Result.Level < r.Case.Gold).ToList();
        var over = triaged.Count(r => r.Result.Level > r.Case.Gold);
        var selfCare = triaged.Where(r => r.Case.Gold == TriageLevel.SelfCare).ToList();
        output.WriteLine($"cases: {results.Count} ({triaged.Count} triaged, {results.Count(r => r.Case.Crisis)} crisis)");
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            var atLevel = triaged.Where(r => r.Case.Gold == level).ToList();
            var counts = atLevel.Select(r => r.Result.MessagesToGuidance ?? 0).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {level}: {atLevel.Count} cases, exact {atLevel.Count(r => r.Result.Level == level)}, messages to guidance mean {counts.DefaultIfEmpty().Average():F1}, max {counts.DefaultIfEmpty().Max()}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact: {exact}/{triaged.Count} = {100.0 * exact / triaged.Count:F1}%"));
        output.WriteLine($"self-care exact: {selfCare.Count(r => r.Result.Level == TriageLevel.SelfCare)}/{selfCare.Count}");
        output.WriteLine($"over-triage: {over}, under-triage: {under.Count}, over:under = {(under.Count == 0 ? "no under-triage" : string.Create(CultureInfo.InvariantCulture, $"{(double)over / under.Count:F1}"))}");
        foreach (var (devCase, result) in triaged.Where(r => r.Result.Level != r.Case.Gold))
        {
            output.WriteLine($"  {devCase.Name}: gold {devCase.Gold}, got {result.Level?.ToString() ?? "no outcome"}");
        }

        foreach (var (devCase, result) in results.Where(r => r.Case.Mild && r.Result.MessagesToGuidance > 10))
        {
            output.WriteLine($"  mild case over 10 messages: {devCase.Name}: {result.MessagesToGuidance}");
        }

        var nonEmergency = triaged.Where(r => r.Case.Gold < TriageLevel.Emergency).Select(r => r.Result.MessagesToGuidance ?? int.MaxValue).ToList();
        var mild = results.Where(r => r.Case.Mild).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mild cases: {mild.Count}, messages max {mild.Max(r => r.Result.MessagesToGuidance)}; non-emergency mean {nonEmergency.Average():F1}"));
        output.WriteLine($"crisis resources shown: {results.Count(r => r.Case.Crisis && r.Result.CrisisResourcesShown)}/{results.Count(r => r.Case.Crisis)}");

        Assert.All(results.Where(r => r.Case.Crisis), r => Assert.True(r.Result.CrisisResourcesShown, $"{r.Case.Name}: no crisis resources"));
        Assert.Empty(under.Select(r => $"{r.Case.Name}: gold {r.Case.Gold}, got {r.Result.Level}"));
        Assert.True(exact >= 0.8 * triaged.Count, $"exact accuracy {exact}/{triaged.Count} is under the 80% target (triage.md §6.4)");
        Assert.True(selfCare.Count(r => r.Result.Level == TriageLevel.SelfCare) >= 0.7 * selfCare.Count, "self-care accuracy is under the 70% target (triage.md §6.4)");
        Assert.All(mild, r => Assert.True(r.Result.MessagesToGuidance <= 10, $"{r.Case.Name}: {r.Result.MessagesToGuidance} messages to guidance (target 10)"));
        Assert.True(nonEmergency.Average() <= 12, $"non-emergency cases take {nonEmergency.Average():F1} messages on average (target 12)");

        // An emergency sign named in the opening, the screen or the area's first list: guidance within 4 messages.
        var quickEmergencies = triaged.Where(r => r.Case.Gold == TriageLevel.Emergency && r.Case.Answers.Values.All(a => !a.Contains('|', StringComparison.Ordinal))
            && !r.Case.Answers.ContainsKey("common_pain") && !r.Case.Answers.ContainsKey("common_mood") && !r.Case.Answers.ContainsKey("mood_safety")).ToList();
        Assert.All(quickEmergencies, r => Assert.True(r.Result.MessagesToGuidance <= 4, $"{r.Case.Name}: {r.Result.MessagesToGuidance} messages to the emergency answer (target 4)"));
    }

    [Fact]
    public void The_development_set_covers_every_body_area_every_level_and_the_contrast_pairs()
    {
        var areas = Cases.SelectMany(c => c.Answers.TryGetValue("area", out var a) ? [a] : Array.Empty<string>()).ToList();

        Assert.True(Cases.Count >= 150, $"{Cases.Count} cases");
        Assert.Equal(5, Cases.Select(c => c.Gold).Distinct().Count());
        foreach (var area in new[] { "neck", "shoulder", "upper back", "lower back", "hand", "hip", "knee", "calf", "general" })
        {
            Assert.True(areas.Count(a => a.Contains(area, StringComparison.Ordinal)) >= 5, $"fewer than 5 cases for {area}");
        }

        // Issue 17's contrast pairs: each needs a case on both sides.
        foreach (var (serious, benign) in new[]
        {
            ("calf_flags=#clot", "a calf cramp last night"), ("upper_back_flags=#pressure", "upper back tight from hunching"),
            ("screen_emergency=#stroke", "slept on my arm"), ("back_nerves=#one_leg_weak", "back_leg=yes, down one leg"),
            ("=#dark_urine", "soreness two days after a new gym class"), ("screen_emergency=#serious_accident", "a trip on a cable"),
            ("arm_flags=#small_joints", "wrist ache after a typing-heavy week"),
        })
        {
            Assert.Contains(Cases, c => c.Line.Contains(serious, StringComparison.Ordinal));
            Assert.Contains(Cases, c => c.Line.Contains(benign, StringComparison.Ordinal));
        }
    }
}

/// <summary>One line of development-set.tsv: gold, name, opening, answers ("step=answer;..."), tags (mild, crisis).</summary>
public sealed record DevelopmentCase(string Name, string Opening, TriageLevel Gold, Dictionary<string, string> Answers, bool Crisis, bool Mild, string Line)
{
    private static readonly Dictionary<string, TriageLevel> Golds = new(StringComparer.Ordinal)
    {
        ["S"] = TriageLevel.SelfCare, ["P"] = TriageLevel.PhysioOrGpRoutine, ["G"] = TriageLevel.GpSoon, ["U"] = TriageLevel.UrgentSameDay, ["E"] = TriageLevel.Emergency,
    };

    public static IReadOnlyList<DevelopmentCase> Load() =>
        [.. File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "BalanceBot.Core.Tests", "Checkup", "development-set.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Parse)];

    private static DevelopmentCase Parse(string line)
    {
        var columns = line.Split('\t');
        var answers = (columns.Length > 3 ? columns[3] : string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var tags = columns.Length > 4 ? columns[4] : string.Empty;
        return new(columns[1], columns[2], Golds[columns[0]], answers, tags.Contains("crisis", StringComparison.Ordinal), tags.Contains("mild", StringComparison.Ordinal), line);
    }

    public override string ToString() => Name;
}
