using System.Security.Cryptography;
using BalanceBot.Core.Broadcasts;
using BalanceBot.Core.Conversations;
using BalanceBot.Core.Exercises;
using BalanceBot.Core.Reminders;
using BalanceBot.Core.Users;
using BalanceBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace BalanceBot.Admin;

/// <summary>Creates, lists, reports and cancels broadcasts for the admin API, auditing each action.</summary>
internal sealed class BroadcastService(
    IBroadcastStore store,
    IUserStore users,
    ExerciseLibrary exercises,
    IAuditLog audit,
    IOptions<AdminOptions> options,
    TimeProvider time)
{
    public const int MaxTextLength = 1500;

    private static readonly DeliveryState[] Open = [DeliveryState.Queued, DeliveryState.Sending];
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern TimeInput = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    public const int MaxCampaignDays = 30;

    /// <summary>How far ahead a broadcast or campaign may be planned; farther is surely a typo (issue 14 §11).</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>A time this far in the past is a mistake, not "now": it would send every copy at once (issue 14 §6).</summary>
    public static readonly Duration PastTolerance = Duration.FromMinutes(5);

    /// <summary>The last place on earth to reach a local time (UTC-12): a local time is past once it is past there.</summary>
    private static readonly Offset LatestOffset = Offset.FromHours(-12);

    /// <summary>One broadcast per working day; nothing is created unless every day is valid.</summary>
    public (CampaignCreated? Created, Dictionary<string, string[]> Problems) CreateCampaign(CampaignRequest request, string who)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 80)
        {
            problems["name"] = ["Name the campaign: 1 to 80 characters."];
        }

        var messages = request.Messages ?? [];
        if (messages.Count is 0 or > MaxCampaignDays)
        {
            problems["messages"] = [$"Give one message per day: 1 to {MaxCampaignDays}."];
        }

        var start = LocalDatePattern.Iso.Parse(request.StartDate ?? "");
        var today = LocalDate.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!start.Success)
        {
            problems["startDate"] = ["Give the first day, for example 2026-03-30."];
        }
        else if (start.Value > today.PlusDays(MaxDaysAhead))
        {
            // Bounded so that date arithmetic on the campaign's days can never overflow (issue 14 §11).
            problems["startDate"] = [$"A campaign can start at most {MaxDaysAhead} days ahead."];
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var campaignId = "c" + RandomNumberGenerator.GetHexString(10, lowercase: true);
        var day = start.Value;
        var plans = new List<(BroadcastRequest Request, LocalDate Day)>();
        foreach (var text in messages)
        {
            while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                day = day.PlusDays(1);
            }

            plans.Add((new BroadcastRequest(text, null, request.Audience, new WhenRequest("local", null, LocalDatePattern.Iso.Format(day), request.Time, request.NotAfter)), day));
            day = day.PlusDays(1);
        }

        // Validate every day before creating any: a campaign is all or nothing.
        foreach (var (plan, index) in plans.Select((p, i) => (p, i)))
        {
            Validate(plan.Request, problems, prefix: $"messages[{index}].");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var days = plans.Select(p => Create(p.Request, who, campaignId, name).Created!).ToList();
        audit.Record(who, "campaign.create", campaignId);
        return (new CampaignCreated(campaignId, name, days), problems);
    }

    /// <returns>The broadcast's status, or the problems with the request by field.</returns>
    public (BroadcastStatus? Created, Dictionary<string, string[]> Problems) Create(BroadcastRequest request, string who)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AllowEmpty != true)
        {
            var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var (text, audience, timing) = Parse(request, problems);
            if (problems.Count == 0 && CountRecipients(new BroadcastDraft(text, request.ExerciseId, audience!, timing!)) == 0)
            {
                problems["audience"] = [$"This broadcast would reach nobody: {WhyNobody(audience!)} Change the audience, or set allowEmpty to true to create it anyway."];
                return (null, problems);
            }
        }

        return Create(request, who, null, null);
    }

    private string WhyNobody(BroadcastAudience audience)
    {
        var everyone = users.All().ToList();
        if (everyone.Count == 0)
        {
            return "there are no users yet.";
        }

        if (audience.Tags.Count > 0 && !everyone.Any(user => (user.Preferences.GetValueOrDefault(PreferenceNames.Tags) ?? "")
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Intersect(audience.Tags, StringComparer.OrdinalIgnoreCase).Any()))
        {
            return $"no user has the tag {string.Join(" or ", audience.Tags.Select(t => $"\"{t}\""))}.";
        }

        return "nobody matches the channel, tags and time zones who gets wellness messages.";
    }

    /// <summary>A broadcast composed in chat, already checked by the dialog.</summary>
    public BroadcastStatus Create(BroadcastDraft draft, string who)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Save(draft.Text, draft.ExerciseId, draft.Audience, draft.Timing, who, null, null);
    }

    /// <summary>How many copies a draft would be planned into now: the preview's count, with nothing stored.</summary>
    public int CountRecipients(BroadcastDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var broadcast = New(draft.Text, draft.ExerciseId, draft.Audience, draft.Timing, "preview", now, null, null);
        return BroadcastPlanner.Plan(broadcast, users.All(), now, options.Value.DefaultTimeZone).Count(e => e.State == DeliveryState.Queued);
    }

    private void Validate(BroadcastRequest request, Dictionary<string, string[]> problems, string prefix)
    {
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Parse(request, found);
        foreach (var (field, messages) in found)
        {
            problems[prefix + field] = messages;
        }
    }

    private (string Text, BroadcastAudience? Audience, BroadcastTiming? Timing) Parse(BroadcastRequest request, Dictionary<string, string[]> problems)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxTextLength)
        {
            problems["text"] = [$"Write the message: 1 to {MaxTextLength} characters."];
        }

        if (request.ExerciseId is { } exerciseId && exercises.Find(exerciseId) is null)
        {
            problems["exerciseId"] = [$"No exercise '{exerciseId}' in the library; leave it out or use an id from dialogs/exercises."];
        }

        return (text, Audience(request.Audience, problems), Timing(request.When, problems));
    }

    private (BroadcastStatus? Created, Dictionary<string, string[]> Problems) Create(BroadcastRequest request, string who, string? campaignId, string? campaignName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (text, audience, timing) = Parse(request, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (Save(text, request.ExerciseId, audience!, timing!, who, campaignId, campaignName), problems);
    }

    private BroadcastStatus Save(string text, string? exerciseId, BroadcastAudience audience, BroadcastTiming timing, string who, string? campaignId, string? campaignName)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var broadcast = New(text, exerciseId, audience, timing, who, now, campaignId, campaignName);
        var entries = BroadcastPlanner.Plan(broadcast, users.All(), now, options.Value.DefaultTimeZone);
        store.Create(broadcast, entries);
        audit.Record(who, "broadcast.create", broadcast.Id);
        return Status(broadcast);
    }

    private static Broadcast New(string text, string? exerciseId, BroadcastAudience audience, BroadcastTiming timing, string who, Instant now, string? campaignId, string? campaignName) => new()
    {
        Id = "b" + RandomNumberGenerator.GetHexString(12, lowercase: true),
        Text = text,
        ExerciseId = exerciseId,
        Audience = audience,
        Timing = timing,
        CreatedBy = who,
        CreatedUtc = now,
        CampaignId = campaignId,
        CampaignName = campaignName,
    };

    public IReadOnlyList<BroadcastStatus> List(string who)
    {
        audit.Record(who, "broadcast.list", null);
        return [.. store.List(100).Select(Status)];
    }

    public BroadcastStatus? Find(string id, string who)
    {
        audit.Record(who, "broadcast.status", id);
        return store.Find(id) is { } broadcast ? Status(broadcast) : null;
    }

    /// <returns>Null when there is no such broadcast, false when it has already started.</returns>
    public bool? Cancel(string id, string who)
    {
        if (store.Find(id) is null)
        {
            return null;
        }

        var cancelled = store.CancelIfNotStarted(id);
        audit.Record(who, cancelled ? "broadcast.cancel" : "broadcast.cancel-refused", id);
        return cancelled;
    }

    private BroadcastStatus Status(Broadcast broadcast)
    {
        var counts = store.CountByState(broadcast.Id);
        return new BroadcastStatus(
            broadcast.Id, broadcast.Text, broadcast.ExerciseId, broadcast.CreatedBy, broadcast.CreatedUtc.ToDateTimeOffset(), broadcast.Cancelled,
            Describe(broadcast.Timing), counts.Values.Sum(),
            counts.ToDictionary(c => c.Key.ToString().ToLowerInvariant(), c => c.Value),
            !counts.Keys.Any(Open.Contains),
            broadcast.CampaignId);
    }

    private static string Describe(BroadcastTiming timing) => timing.Kind switch
    {
        BroadcastTimingKind.AtUtc => $"at {InstantPattern.General.Format(timing.AtUtc!.Value)}",
        BroadcastTimingKind.LocalTime => $"on {LocalDatePattern.Iso.Format(timing.Date!.Value)} at {HourMinute.Format(timing.Time!.Value)} in each recipient's time zone"
            + (timing.NotAfter is { } notAfter ? $", not after {HourMinute.Format(notAfter)}" : ""),
        _ => "now",
    };

    private static BroadcastAudience? Audience(AudienceRequest? request, Dictionary<string, string[]> problems)
    {
        if (request is null)
        {
            return BroadcastAudience.Everyone;
        }

        string? channel = request.Channel?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => null,
            "teams" => ChannelNames.BotFramework,
            "discord" => ChannelNames.Discord,
            _ => "?",
        };
        if (channel == "?")
        {
            problems["audience.channel"] = ["Use teams, discord, or leave it out for both."];
        }

        var zones = request.TimeZones ?? [];
        var unknown = zones.Where(z => TimeZoneIds.Canonicalize(z) is null).ToList();
        if (unknown.Count > 0)
        {
            problems["audience.timeZones"] = [$"Not IANA time zones: {string.Join(", ", unknown)} (for example Europe/Berlin)."];
        }

        return new BroadcastAudience(channel, [.. (request.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0)], [.. zones]);
    }

    private BroadcastTiming? Timing(WhenRequest? request, Dictionary<string, string[]> problems)
    {
        var timing = ParseTiming(request, problems);
        var earliestAccepted = Instant.FromDateTimeOffset(time.GetUtcNow()) - PastTolerance;
        switch (timing?.Kind)
        {
            case BroadcastTimingKind.AtUtc when timing.AtUtc < earliestAccepted:
                problems["when.at"] = [$"That time is in the past ({InstantPattern.General.Format(timing.AtUtc!.Value)}); a broadcast can start at most {PastTolerance.TotalMinutes:0} minutes ago. Use now, or a time to come."];
                return null;
            case BroadcastTimingKind.AtUtc when timing.AtUtc > earliestAccepted + PastTolerance + Duration.FromDays(MaxDaysAhead):
                problems["when.at"] = [$"A broadcast can be planned at most {MaxDaysAhead} days ahead."];
                return null;
            case BroadcastTimingKind.LocalTime when timing.Date!.Value > LocalDate.FromDateTime(time.GetUtcNow().UtcDateTime).PlusDays(MaxDaysAhead):
                problems["when.date"] = [$"A broadcast can be planned at most {MaxDaysAhead} days ahead."];
                return null;
            case BroadcastTimingKind.LocalTime when timing.Date!.Value.At(timing.Time!.Value).WithOffset(LatestOffset).ToInstant() < earliestAccepted:
                problems["when.date"] = [$"{LocalDatePattern.Iso.Format(timing.Date.Value)} at {HourMinute.Format(timing.Time.Value)} has passed in every time zone. Use now, or a date to come."];
                return null;
            default:
                return timing;
        }
    }

    private static BroadcastTiming? ParseTiming(WhenRequest? request, Dictionary<string, string[]> problems)
    {
        switch (request?.Mode?.Trim().ToLowerInvariant())
        {
            case null or "" or "now":
                return BroadcastTiming.Now;
            case "utc" when request.At is { } at:
                return new BroadcastTiming(BroadcastTimingKind.AtUtc, AtUtc: Instant.FromDateTimeOffset(at));
            case "utc":
                problems["when.at"] = ["Give the instant, for example 2026-03-09T09:00:00Z."];
                return null;
            case "local":
                var date = LocalDatePattern.Iso.Parse(request.Date ?? "");
                var localTime = TimeInput.Parse(request.Time ?? "");
                var notAfter = request.NotAfter is null ? null : TimeInput.Parse(request.NotAfter);
                if (!date.Success)
                {
                    problems["when.date"] = ["Give the local date, for example 2026-03-09."];
                }

                if (!localTime.Success)
                {
                    problems["when.time"] = ["Give the local time, for example 10:00."];
                }

                if (notAfter is { Success: false })
                {
                    problems["when.notAfter"] = ["Give the latest local time, for example 12:00, or leave it out."];
                }
                else if (notAfter is { Success: true } && localTime.Success && notAfter.Value <= localTime.Value)
                {
                    problems["when.notAfter"] = ["\"Not after\" must be later than the time."];
                }

                return problems.Keys.Any(k => k.StartsWith("when.", StringComparison.Ordinal))
                    ? null
                    : new BroadcastTiming(BroadcastTimingKind.LocalTime, Date: date.Value, Time: localTime.Value, NotAfter: notAfter?.Value);
            default:
                problems["when.mode"] = ["Use now, utc or local."];
                return null;
        }
    }
}
