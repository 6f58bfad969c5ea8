namespace BalanceBot.Admin;

/// <summary>
/// <c>POST /api/admin/broadcasts</c>. <c>when.mode</c> is <c>now</c>, <c>utc</c> (with <c>at</c>) or <c>local</c>
/// (with <c>date</c> and <c>time</c> in each recipient's zone, and an optional local <c>notAfter</c>).
/// </summary>
internal sealed record BroadcastRequest(string? Text, string? ExerciseId, AudienceRequest? Audience, WhenRequest? When);

/// <param name="Channel"><c>teams</c> or <c>discord</c>, or null for both.</param>
internal sealed record AudienceRequest(string? Channel, List<string>? Tags, List<string>? TimeZones);

internal sealed record WhenRequest(string? Mode, DateTimeOffset? At, string? Date, string? Time, string? NotAfter);

/// <summary>A broadcast and how far its delivery has got.</summary>
internal sealed record BroadcastStatus(
    string Id, string Text, string? ExerciseId, string CreatedBy, DateTimeOffset CreatedUtc, bool Cancelled, string When,
    int Recipients, IReadOnlyDictionary<string, int> States, bool Finished);
