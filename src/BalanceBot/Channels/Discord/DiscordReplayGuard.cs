using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// A signed interaction is accepted once (issue 14 §3): its id is remembered for as long as its timestamp would
/// still pass the freshness check, so a captured, replayed <c>/export</c> is refused for the whole window, not only
/// while it is among the last few ids of its conversation.
/// </summary>
internal sealed class DiscordReplayGuard(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _seenUntil = new(StringComparer.Ordinal);
    private long _nextPruneAt;

    /// <summary>True the first time an id is seen inside the window; false for a replay.</summary>
    public bool TryAccept(string interactionId, long signedAtUnixSeconds)
    {
        ArgumentNullException.ThrowIfNull(interactionId);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        Prune(now);

        // Fresh means |now - signedAt| <= skew, so the same bytes stay acceptable until signedAt + skew.
        var until = Math.Max(now, signedAtUnixSeconds) + options.Value.MaxTimestampSkewSeconds;
        return _seenUntil.TryAdd(interactionId, until);
    }

    public int Remembered => _seenUntil.Count;

    private void Prune(long now)
    {
        // At most once a second: a burst does not scan the table on every interaction.
        var due = Interlocked.Read(ref _nextPruneAt);
        if (now < due || Interlocked.CompareExchange(ref _nextPruneAt, now + 1, due) != due)
        {
            return;
        }

        foreach (var (id, until) in _seenUntil)
        {
            if (until < now)
            {
                _seenUntil.TryRemove(new KeyValuePair<string, long>(id, until));
            }
        }
    }
}
