using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Exercises;

/// <summary>
/// An exercise as one reply: the short form (or the full text after "More"), its picture, and the buttons for
/// "More", its balancing partner and its seated variant. The first exercise a user ever gets opens with the seed
/// text's principle (stretch what is shortened, strengthen its weak opposite), remembered on the user's record.
/// </summary>
public static class ExerciseReplies
{
    /// <summary>The user-record preference that says the principle was shown; kept with their data, erased with it.</summary>
    public const string PrincipleSeen = "exercise_principle_seen";

    /// <returns>The reply, and whether the user's record changed (the principle was shown now).</returns>
    public static (Reply Reply, bool UserChanged) Show(Exercise exercise, ExerciseLibrary library, UserRecord user, bool full, Func<string, string?> builtIns)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(user);
        var body = full ? ExerciseText.Render(exercise, library) : ExerciseText.RenderShort(exercise, library);
        var firstTime = !user.Preferences.ContainsKey(PrincipleSeen);
        if (firstTime)
        {
            user.Preferences[PrincipleSeen] = "true";
            body = library.Wording["principle"] + "\n\n" + body;
        }

        var reply = new Reply(Placeholders.Fill(body, builtIns), ExerciseText.Choices(exercise, library, full), ExpectsInput: false)
        {
            Picture = new ReplyPicture(exercise.Id, exercise.Picture.Alt),
        };
        return (reply, firstTime);
    }

    /// <summary>
    /// A press of an exercise's button, or, when <paramref name="typed"/> (no dialog is waiting for an answer), its
    /// label typed back or the exercise's name ("Balance it with: Chin tucks", "chin tucks", "more").
    /// </summary>
    public static (Exercise Exercise, bool Full)? Requested(string? choiceId, string normalized, ExerciseLibrary library, string? lastShownId, bool typed)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (choiceId is not null)
        {
            return choiceId.StartsWith(ExerciseText.MoreChoicePrefix, StringComparison.Ordinal) && library.Find(choiceId[ExerciseText.MoreChoicePrefix.Length..]) is { } more
                ? (more, true)
                : choiceId.StartsWith(ExerciseText.ShowChoicePrefix, StringComparison.Ordinal) && library.Find(choiceId[ExerciseText.ShowChoicePrefix.Length..]) is { } shown
                    ? (shown, false)
                    : null;
        }

        if (!typed || normalized.Length == 0)
        {
            return null;
        }

        if (lastShownId is not null && normalized == InputText.Normalize(library.Wording["more"]) && library.Find(lastShownId) is { } last)
        {
            return (last, true);
        }

        var named = library.All.FirstOrDefault(e => normalized == InputText.Normalize(e.Name)
            || normalized == InputText.Normalize(library.Wording["balance_with", e.Name])
            || normalized == InputText.Normalize(library.Wording["seated_instead", e.Name]));
        return named is null ? null : (named, false);
    }
}
