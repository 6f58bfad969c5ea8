using BalanceBot.Core.Checkup;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Tests.Conversations;
using Xunit.Abstractions;

namespace BalanceBot.Core.Tests.Checkup;

/// <summary>
/// The development set (issue 3): first-person cases built from the tables of triage.md §2 and §3, run through the
/// real engine and the real dialogs with a scripted user. Gold levels are the tables' dispositions (and §3.4 for the
/// no-red-flag cases), not what the dialogs happen to say. Release gates from triage.md §6.4: zero under-triage where
/// the floor is urgent_same_day or emergency, and crisis resources in every crisis case.
/// </summary>
public sealed class DevelopmentSetTests(ITestOutputHelper output)
{
    private static readonly TriageLevel S = TriageLevel.SelfCare;
    private static readonly TriageLevel P = TriageLevel.PhysioOrGpRoutine;
    private static readonly TriageLevel G = TriageLevel.GpSoon;
    private static readonly TriageLevel U = TriageLevel.UrgentSameDay;
    private static readonly TriageLevel E = TriageLevel.Emergency;

    /// <summary>(name, what the employee types first, gold level, answers by step id, is a crisis case).</summary>
    public static IReadOnlyList<DevelopmentCase> Cases { get; } =
    [
        // self_care: no red flag, under the area's threshold (§3.4)
        new("desk neck stiffness", "my neck hurts", S, new() { ["area"] = "neck", ["common_pain"] = "3" }),
        new("back ache after gardening", "my back hurts", S, new() { ["area"] = "lower back", ["common_pain"] = "4" }),
        new("shoulder tension from the desk", "checkup", S, new() { ["area"] = "shoulder", ["common_pain"] = "2" }),
        new("wrist ache after a typing-heavy fortnight", "my wrist hurts", S, new() { ["area"] = "wrist", ["common_duration"] = "1 to 2 weeks" }),
        new("knee ache after a hike", "my knee hurts", S, new() { ["area"] = "knee", ["common_pain"] = "3" }),
        new("soreness two days after a new gym class", "aches", S, new() { ["area"] = "general", ["common_pain"] = "4" }),
        new("tight calves after a run", "checkup", S, new() { ["area"] = "calf", ["common_pain"] = "3" }),
        new("stiff hip after a long drive", "my hip hurts", S, new() { ["area"] = "hip", ["common_pain"] = "2" }),
        new("lower back for ten days", "back pain", S, new() { ["area"] = "lower back", ["common_duration"] = "1 to 2 weeks", ["common_pain"] = "5" }),
        new("neck ache that bothers me a bit", "neck pain", S, new() { ["area"] = "neck", ["common_pain"] = "6", ["common_mood"] = "somewhat" }),

        // physio_or_gp_routine
        new("shoulder not better after three weeks", "shoulder pain", P, new() { ["area"] = "shoulder", ["common_duration"] = "2 to 6 weeks" }),
        new("lower back for two months", "my back hurts", P, new() { ["area"] = "lower back", ["common_duration"] = "more than 6 weeks" }),
        new("front of knee for two months", "knee pain", P, new() { ["area"] = "knee", ["common_duration"] = "months" }),
        new("fingers tingle at night", "my wrist hurts", P, new() { ["area"] = "hand", ["arm_tingling"] = "yes" }),
        new("neck not gone after a few weeks", "stiff neck", P, new() { ["area"] = "neck", ["common_duration"] = "a few weeks" }),
        new("aches all over for ten days, no reason", "muscle pain", P, new() { ["area"] = "general", ["common_duration"] = "1 to 2 weeks" }),
        new("back pain that is getting me down", "my back hurts", P, new() { ["area"] = "lower back", ["common_mood"] = "a lot" }),
        new("groin ache for several weeks", "my hip hurts", P, new() { ["area"] = "hip", ["common_duration"] = "2 to 6 weeks" }),

        // gp_soon
        new("neck with pins and needles down one arm", "my neck hurts", G, new() { ["area"] = "neck", ["neck_arm_tingling"] = "yes" }),
        new("both shoulders stiff every morning at 62", "shoulder pain", G, new() { ["area"] = "shoulder", ["shoulder_stiffness"] = "yes", ["shoulder_temple"] = "no" }),
        new("finger joints puffy and stiff each morning", "checkup", G, new() { ["area"] = "hand", ["arm_small_joints"] = "yes" }),
        new("numb hand all day and a thin thumb muscle", "my wrist hurts", G, new() { ["area"] = "hand", ["arm_constant_numbness"] = "yes" }),
        new("MS and a leg that is weaker this week", "my knee hurts", G, new() { ["area"] = "knee", ["common_nerves"] = "yes" }),
        new("55, first ever back pain, five weeks now", "my back hurts", G, new() { ["area"] = "lower back", ["back_over_50"] = "yes", ["common_duration"] = "2 to 6 weeks" }),

        // urgent_same_day
        new("back pain with a fever", "my back hurts", U, new() { ["area"] = "lower back", ["back_serious"] = "yes" }),
        new("sciatica and a foot that slaps down", "back pain", U, new() { ["area"] = "sciatica", ["back_one_leg_weak"] = "yes" }),
        new("hot swollen knee and a temperature", "my knee hurts", U, new() { ["area"] = "knee", ["knee_hot"] = "yes" }),
        new("knee locked after twisting", "knee pain", U, new() { ["area"] = "knee", ["knee_locked"] = "yes" }),
        new("one calf swollen and warm", "my leg hurts", U, new() { ["area"] = "calf", ["calf_dvt"] = "yes", ["calf_dvt_breathing"] = "no" }),
        new("statin and new aching muscles", "muscle pain", U, new() { ["area"] = "general", ["general_statin"] = "yes" }),
        new("fell and cannot move my arm at all", "shoulder pain", U, new() { ["area"] = "shoulder", ["shoulder_injury"] = "yes" }),
        new("hand gone icy and pale", "checkup", U, new() { ["area"] = "hand", ["arm_cold_hand"] = "yep" }),
        new("neck pain and one arm feels weak", "my neck hurts", U, new() { ["area"] = "neck", ["neck_arm_weak"] = "yes" }),
        new("pain between my shoulder blades", "checkup", U, new() { ["area"] = "upper back", ["upper_back_floor"] = "between the shoulder blades" }),
        new("back pain after a small fall, with osteoporosis", "my back hurts", U, new() { ["area"] = "lower back", ["back_osteoporosis"] = "yes" }),
        new("back pain, unsure about a fever", "my back hurts", U, new() { ["area"] = "lower back", ["back_serious"] = "not sure" }),
        new("stiff shoulders and a sore temple", "shoulder pain", U, new() { ["area"] = "shoulder", ["shoulder_stiffness"] = "yes", ["shoulder_temple"] = "yes" }),

        // emergency
        new("back pain and numb when I wipe", "my back hurts", E, new() { ["area"] = "lower back", ["back_saddle"] = "yes" }),
        new("back pain and can't start peeing", "my back hurts", E, new() { ["area"] = "lower back", ["back_bladder"] = "yes" }),
        new("typed: chest pain going into my arm", "I have chest pain and my left arm aches", E, new()),
        new("swollen calf and now breathless", "my leg hurts", E, new() { ["area"] = "calf", ["calf_dvt"] = "yes", ["calf_dvt_breathing"] = "yes" }),
        new("sore weak legs after a workout and cola-coloured pee", "muscle pain", E, new() { ["area"] = "general", ["general_rhabdo"] = "yes" }),
        new("stiff neck, fever and a bad headache", "stiff neck", E, new() { ["area"] = "neck", ["neck_meningitis"] = "yes" }),
        new("fell and can't stand on my leg", "my hip hurts", E, new() { ["area"] = "hip", ["hip_fracture"] = "yes" }),
        new("cancer history and new tingling in a leg", "back pain", E, new() { ["area"] = "lower back", ["back_cancer"] = "yes", ["back_cancer_legs"] = "yes" }),
        new("cannot answer the saddle question clearly", "my back hurts", E, new() { ["area"] = "lower back", ["back_saddle"] = "hmm what do you mean" }),
        new("hurt in a car crash", "my neck hurts", E, new() { ["screen_accident"] = "yes" }),
        new("no idea whether my face dropped", "checkup", E, new() { ["screen_stroke"] = "no idea" }),

        // crisis: resources in the same message, whatever was going on
        new("back pain so bad I want to die", "my back hurts so much I want to die", E, new(), Crisis: true),
        new("mentions self-harm", "I have been self-harming again", E, new(), Crisis: true),
        new("crisis words in the middle of a check-up", "my back hurts", E, new() { ["area"] = "lower back", ["common_mood"] = "everyone would be better off without me" }, Crisis: true),
    ];

    [Fact]
    public async Task The_development_set_meets_the_safety_gates_and_reports_its_accuracy()
    {
        var catalog = DialogFolder.Load(RepositoryPaths.Dialogs, BuiltInActions.Create());
        var results = new List<(DevelopmentCase Case, CheckupResult Result)>();
        foreach (var devCase in Cases)
        {
            using var bot = await new EngineHarness(catalog).WelcomedAsync();
            results.Add((devCase, await new ScriptedPatient(bot, devCase.Answers).RunAsync(devCase.Opening)));
        }

        var triaged = results.Where(r => !r.Case.Crisis).ToList();
        var exact = triaged.Count(r => r.Result.Level == r.Case.Gold);
        var under = triaged.Where(r => r.Result.Level is null || r.Result.Level < r.Case.Gold).ToList();
        var over = triaged.Count(r => r.Result.Level > r.Case.Gold);
        var selfCare = triaged.Where(r => r.Case.Gold == S).ToList();
        output.WriteLine($"cases: {results.Count} ({triaged.Count} triage, {results.Count - triaged.Count} crisis)");
        output.WriteLine($"exact: {exact}/{triaged.Count} = {100.0 * exact / triaged.Count:F1}%");
        output.WriteLine($"self-care exact: {selfCare.Count(r => r.Result.Level == S)}/{selfCare.Count}");
        output.WriteLine($"over-triage: {over}, under-triage: {under.Count}");
        foreach (var (devCase, result) in triaged.Where(r => r.Result.Level != r.Case.Gold))
        {
            output.WriteLine($"  {devCase.Name}: gold {devCase.Gold}, got {result.Level?.ToString() ?? "no outcome"}");
        }

        output.WriteLine($"crisis resources shown: {results.Count(r => r.Case.Crisis && r.Result.CrisisResourcesShown)}/{results.Count(r => r.Case.Crisis)}");

        Assert.All(results.Where(r => r.Case.Crisis), r => Assert.True(r.Result.CrisisResourcesShown, $"{r.Case.Name}: no crisis resources"));
        // Under-triage at any level is a defect: "more than 6 weeks" typed out once fell back to "2 to 6 weeks".
        Assert.Empty(under.Select(r => $"{r.Case.Name}: gold {r.Case.Gold}, got {r.Result.Level}"));
        Assert.True(Cases.Select(c => c.Gold).Distinct().Count() == 5, "every level is represented");
        Assert.True(exact >= 0.8 * triaged.Count, $"exact accuracy {exact}/{triaged.Count} is under the 80% target (triage.md §6.4)");
        Assert.True(selfCare.Count(r => r.Result.Level == S) >= 0.7 * selfCare.Count, "self-care accuracy is under the 70% target (triage.md §6.4)");
    }

    [Fact]
    public void The_development_set_covers_every_body_area_and_every_level()
    {
        var areas = Cases.SelectMany(c => c.Answers.TryGetValue("area", out var a) ? [a] : Array.Empty<string>()).ToList();

        Assert.True(Cases.Count >= 40);
        foreach (var area in new[] { "neck", "shoulder", "upper back", "lower back", "hand", "hip", "knee", "calf", "general" })
        {
            Assert.Contains(areas, a => a.Contains(area, StringComparison.Ordinal) || (area == "lower back" && a == "sciatica"));
        }
    }
}

public sealed record DevelopmentCase(string Name, string Opening, TriageLevel Gold, Dictionary<string, string> Answers, bool Crisis = false)
{
    public override string ToString() => Name;
}
