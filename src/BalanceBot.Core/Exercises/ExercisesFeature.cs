using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Exercises;

/// <summary>What the exercise library adds to conversations: showing an exercise, and the stretch command.</summary>
public static class ExercisesFeature
{
    public static IServiceCollection AddExercisesFeature(this IServiceCollection services) => services
        .AddDialogAction<ShowExerciseAction>()
        .AddTurnHandler<StretchTurnHandler>()
        .AddTurnHandler<StretchInsteadOfAnswerTurnHandler>();
}
