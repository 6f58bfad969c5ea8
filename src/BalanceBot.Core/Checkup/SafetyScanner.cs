using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Checkup;

/// <summary>
/// The free-text scan that runs on every message, inside and outside dialogs, before anything else reads it
/// (triage.md §2.1 item 1, §4.1 items 4 and 5). Phrases are matched on whole words after normalising, so
/// "chest pain", "Chest pain!" and "pain in my chest" all count.
/// It errs towards escalation: negations ("no chest pain") are not parsed, so the emergency reply is worded as
/// "if this is happening". Crisis language wins over emergency words when a message has both.
/// </summary>
public static class SafetyScanner
{
    // triage.md §2.2 "Cross-cutting": any mention of wanting to die, a plan, stockpiling tablets or self-harm
    // [NHS-SUICIDE][NIDIRECT-MH]; passive ideation ("better off without me") also gets crisis resources.
    private static readonly string[][] CrisisPhrases = Split(
        "want to die", "wanna die", "wish i was dead", "wish i were dead", "kill myself", "killing myself",
        "end my life", "ending my life", "take my own life", "taking my own life", "end it all", "suicide", "suicidal",
        "hurt myself", "hurting myself", "harm myself", "harming myself", "self harm", "self-harm", "selfharm",
        "self harming", "self-harming", "selfharming",
        "cut myself", "cutting myself", "better off without me", "better off dead", "no reason to live",
        "don't want to live", "dont want to live", "do not want to live", "don't want to be alive", "dont want to be alive",
        "stockpiling tablets", "stockpiling pills", "overdose");

    // triage.md §2.1 item 1 (free-text scan) with the §2.1 item 2 universal screen and §2.2 emergency rows:
    // heart attack [NHS-HEART], stroke/FAST [NHS-FAST], breathing [NHS-DVT], cauda equina [NHS-BACK][BASS-CES],
    // rhabdomyolysis [KRAMES-RHABDO].
    private static readonly string[][] EmergencyPhrases = Split(
        "chest pain", "pain in my chest", "chest hurts", "chest is tight", "tight chest", "chest tightness", "crushing chest",
        "heart attack", "can't breathe", "cant breathe", "cannot breathe", "can not breathe", "struggling to breathe",
        "hard to breathe", "short of breath", "trouble breathing", "difficulty breathing",
        "face drooping", "face is drooping", "face has dropped", "face dropped", "droopy face", "slurred speech",
        "speech is slurred", "slurring my words", "words are slurred", "having a stroke",
        "can't pee", "cant pee", "cannot pee", "can't wee", "cannot wee", "unable to pee", "can't urinate", "cannot urinate",
        "lost control of my bladder", "no bladder control", "can't control my bladder", "cannot control my bladder",
        "wet myself", "lost control of my bowels", "no bowel control", "can't control my bowels", "cannot control my bowels",
        "numb between my legs", "numbness between my legs", "numb between the legs", "numbness between the legs",
        "numb around my genitals", "numb around my bottom", "saddle numbness",
        "dark urine", "cola coloured urine", "cola colored urine", "tea coloured urine", "tea colored urine", "brown urine",
        "coughing up blood", "passed out", "fainted", "unconscious");

    public static SafetyConcern Scan(string? text)
    {
        var normalized = InputText.Normalize(text);
        if (normalized.Length == 0)
        {
            return SafetyConcern.None;
        }

        var words = InputText.Words(normalized);
        if (CrisisPhrases.Any(phrase => InputText.IndexOfSequence(words, phrase) >= 0))
        {
            return SafetyConcern.Crisis;
        }

        return EmergencyPhrases.Any(phrase => InputText.IndexOfSequence(words, phrase) >= 0) ? SafetyConcern.Emergency : SafetyConcern.None;
    }

    private static string[][] Split(params string[] phrases) => phrases.Select(InputText.Words).ToArray();
}
