using BalanceBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace BalanceBot.Core.Exercises;

/// <summary>What the exercise library adds to conversations: showing an exercise, its buttons, and the stretch command.</summary>
public static class ExercisesFeature
{
    public static IServiceCollection AddExercisesFeature(this IServiceCollection services) => services
        .AddDialogAction<ShowExerciseAction>()
        .AddTurnHandler<ExerciseButtonTurnHandler>()
        .AddTurnHandler<StretchTurnHandler>()
        .AddTurnHandler<StretchInsteadOfAnswerTurnHandler>();
}
