using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using NodaTime;

namespace BalanceBot.Core.Broadcasts;

/// <summary>
/// Who gets a broadcast and when, one outbox entry each (issue 7): a local-time broadcast is due at that wall-clock
/// time in each recipient's own zone (10:00 in Sydney and 10:00 in Berlin), DST included; its "not after" is
/// local too. Muted users get an entry in state <see cref="DeliveryState.Muted"/>, so the report counts them.
/// </summary>
public static class BroadcastPlanner
{
    public static IReadOnlyList<OutboxEntry> Plan(Broadcast broadcast, IEnumerable<UserRecord> users, Instant now, string defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(users);
        var entries = new List<OutboxEntry>();
        var audience = broadcast.Audience with { TimeZones = [.. broadcast.Audience.TimeZones.Select(TimeZoneIds.Canonicalize).OfType<string>()] };
        foreach (var user in users.Where(u => InAudience(u, audience)))
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZoneIds.Canonicalize(user.TimeZone) ?? defaultTimeZone) ?? DateTimeZone.Utc;
            var (due, expires) = When(broadcast.Timing, zone, now);
            var state = IsMuted(user) ? DeliveryState.Muted
                : HasLeft(user, broadcast.CampaignId) ? DeliveryState.Left
                : expires is { } last && last <= now ? DeliveryState.Expired
                : DeliveryState.Queued;
            entries.Add(new OutboxEntry { BroadcastId = broadcast.Id, UserKey = user.Key, State = state, DueUtc = due, ExpiresUtc = expires });
        }

        return entries;
    }

    public static bool IsMuted(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Preferences.GetValueOrDefault(PreferenceNames.Broadcasts) == PreferenceNames.Muted;
    }

    /// <summary>True when the broadcast is part of a campaign the user left.</summary>
    public static bool HasLeft(UserRecord user, string? campaignId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return campaignId is not null
            && (user.Preferences.GetValueOrDefault(PreferenceNames.CampaignsLeft) ?? "").Split(',').Contains(campaignId, StringComparer.Ordinal);
    }

    /// <summary>Everyone the bot can reach proactively, narrowed by channel, tags and zones (canonical IANA ids).</summary>
    private static bool InAudience(UserRecord user, BroadcastAudience audience)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(audience);
        if (user.Address is not { } address || (audience.Channel is { } channel && address.Channel != channel))
        {
            return false;
        }

        if (audience.Tags.Count > 0)
        {
            var tags = (user.Preferences.GetValueOrDefault(PreferenceNames.Tags) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!tags.Intersect(audience.Tags, StringComparer.OrdinalIgnoreCase).Any())
            {
                return false;
            }
        }

        return audience.TimeZones.Count == 0
            || (TimeZoneIds.Canonicalize(user.TimeZone) is { } zone && audience.TimeZones.Contains(zone, StringComparer.Ordinal));
    }

    private static (Instant Due, Instant? Expires) When(BroadcastTiming timing, DateTimeZone zone, Instant now) => timing.Kind switch
    {
        BroadcastTimingKind.AtUtc => (timing.AtUtc!.Value, null),
        BroadcastTimingKind.LocalTime => (
            // Leniently: 02:30 on a spring-forward night becomes 03:30, never an exception or a lost broadcast.
            (timing.Date!.Value + timing.Time!.Value).InZoneLeniently(zone).ToInstant(),
            timing.NotAfter is { } notAfter ? (timing.Date!.Value + notAfter).InZoneLeniently(zone).ToInstant() : null),
        _ => (now, null),
    };
}
