using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Core.Broadcasts;

/// <summary>
/// "mute broadcasts" / "unmute broadcasts" (typed, or the button under a broadcast) and the "leave this campaign"
/// button under a campaign's message: they work anywhere, whatever dialog is running.
/// </summary>
public sealed class BroadcastTurnHandler : ITurnHandler
{
    public TurnStage Stage => TurnStage.FeatureCommand;

    public int Order => 100;

    public ValueTask<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Muting(turn) is { } mute)
        {
            SetMuted(turn, mute);
            return ValueTask.FromResult(true);
        }

        if (turn.Turn.ChoiceId is { } choice && choice.StartsWith(BroadcastDispatcher.LeaveCampaignChoicePrefix, StringComparison.Ordinal))
        {
            LeaveCampaign(turn, choice[BroadcastDispatcher.LeaveCampaignChoicePrefix.Length..]);
            return ValueTask.FromResult(true);
        }

        return ValueTask.FromResult(false);
    }

    /// <summary>True for "mute broadcasts" (typed, or the button under a broadcast), false for "unmute broadcasts".</summary>
    private static bool? Muting(TurnContext turn) =>
        turn.Turn.ChoiceId == BroadcastDispatcher.MuteChoiceId ? true
        : turn.Normalized is "mute broadcasts" or "mute broadcast" or "mute announcements" or "/mute" ? true
        : turn.Normalized is "unmute broadcasts" or "unmute broadcast" or "unmute announcements" or "/unmute" ? false
        : null;

    private static void SetMuted(TurnContext turn, bool muted)
    {
        if (muted)
        {
            turn.User.Preferences[PreferenceNames.Broadcasts] = PreferenceNames.Muted;
        }
        else
        {
            turn.User.Preferences.Remove(PreferenceNames.Broadcasts);
        }

        turn.MarkUserChanged();
        turn.Say(muted
            ? "Done: no more wellness-team broadcasts. Your own reminders are not affected. Type \"unmute broadcasts\" to have them back."
            : "Wellness-team broadcasts are back on. Type \"mute broadcasts\" to stop them again.");
    }

    private static void LeaveCampaign(TurnContext turn, string campaignId)
    {
        var user = turn.User;
        var left = (user.Preferences.GetValueOrDefault(PreferenceNames.CampaignsLeft) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!left.Contains(campaignId, StringComparer.Ordinal) && campaignId.Length is > 0 and <= 40 && !campaignId.Contains(',', StringComparison.Ordinal))
        {
            // Only the most recent campaigns are remembered; old ones have ended anyway.
            user.Preferences[PreferenceNames.CampaignsLeft] = string.Join(',', left.Append(campaignId).TakeLast(20));
            turn.MarkUserChanged();
        }

        turn.Say("Done: you've left this campaign and won't get the rest of it. Other wellness messages still come; \"mute broadcasts\" stops those too.");
    }
}
