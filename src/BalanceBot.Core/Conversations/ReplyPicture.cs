namespace BalanceBot.Core.Conversations;

/// <param name="ExerciseId">The exercise whose picture the app serves at <c>/exercises/{id}.png</c>.</param>
/// <param name="AltText">What the picture shows, from the exercise library.</param>
public sealed record ReplyPicture(string ExerciseId, string AltText);
