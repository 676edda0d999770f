using System.Collections.Concurrent;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Ingest.Pipeline;

/// <summary>
/// Remembers which seqs of each device this ingest instance has already stored and handed off, so a
/// redelivered message is dropped before it costs a store write. Best effort (memory only): the store's
/// idempotent writes and the grain's own seq ranges are what make duplicates harmless after a restart.
/// </summary>
public sealed class RecentSeqFilter
{
    private readonly ConcurrentDictionary<string, SeqRangeSet> _seen = new(StringComparer.Ordinal);

    public bool WasSeen(string deviceId, long seq) =>
        _seen.TryGetValue(deviceId, out var set) && Seen(set, seq);

    public void MarkSeen(string deviceId, IEnumerable<long> seqs)
    {
        var set = _seen.GetOrAdd(deviceId, static _ => new SeqRangeSet());
        lock (set)
        {
            foreach (var seq in seqs)
            {
                set.Add(seq);
            }
        }
    }

    private static bool Seen(SeqRangeSet set, long seq)
    {
        lock (set)
        {
            return set.Contains(seq);
        }
    }
}
