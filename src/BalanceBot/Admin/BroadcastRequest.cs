namespace BalanceBot.Admin;

/// <summary>
/// <c>POST /api/admin/broadcasts</c>. <c>when.mode</c> is <c>now</c>, <c>utc</c> (with <c>at</c>) or <c>local</c>
/// (with <c>date</c> and <c>time</c> in each recipient's zone, and an optional local <c>notAfter</c>). A broadcast
/// that would reach nobody is refused unless <c>allowEmpty</c> is true (issue 14 §6).
/// </summary>
internal sealed record BroadcastRequest(string? Text, string? ExerciseId, AudienceRequest? Audience, WhenRequest? When, bool? AllowEmpty = null);

/// <param name="Channel"><c>teams</c> or <c>discord</c>, or null for both.</param>
internal sealed record AudienceRequest(string? Channel, List<string>? Tags, List<string>? TimeZones);

internal sealed record WhenRequest(string? Mode, DateTimeOffset? At, string? Date, string? Time, string? NotAfter);

/// <summary>A broadcast and how far its delivery has got.</summary>
internal sealed record BroadcastStatus(
    string Id, string Text, string? ExerciseId, string CreatedBy, DateTimeOffset CreatedUtc, bool Cancelled, string When,
    int Recipients, IReadOnlyDictionary<string, int> States, bool Finished, string? CampaignId);

/// <summary>
/// <c>POST /api/admin/campaigns</c>: one message a day, on consecutive working days (Monday to Friday) from
/// <c>startDate</c>, at <c>time</c> in each recipient's zone, not after <c>notAfter</c>.
/// </summary>
internal sealed record CampaignRequest(string? Name, List<string>? Messages, AudienceRequest? Audience, string? StartDate, string? Time, string? NotAfter);

internal sealed record CampaignCreated(string CampaignId, string Name, IReadOnlyList<BroadcastStatus> Days);
