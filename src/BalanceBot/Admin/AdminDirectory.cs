using Microsoft.Extensions.Options;

namespace BalanceBot.Admin;

/// <summary>Who is on the wellness team, per channel (issue 7): configured ids, matched exactly.</summary>
internal sealed class AdminDirectory(IOptions<AdminOptions> options)
{
    private readonly HashSet<string> _teams = new(options.Value.TeamsAdmins.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _discord = new(options.Value.DiscordAdmins.Select(id => id.Trim()), StringComparer.Ordinal);

    /// <param name="aadObjectId">Preferred: stable across a tenant's apps. Object ids are GUIDs, so case does not matter.</param>
    public bool IsTeamsAdmin(string? userId, string? aadObjectId) =>
        (aadObjectId is { Length: > 0 } && _teams.Contains(aadObjectId)) || (userId is { Length: > 0 } && _teams.Contains(userId));

    public bool IsDiscordAdmin(string userId) => _discord.Contains(userId);
}
