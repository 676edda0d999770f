namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Compares what the broker acknowledged (seqs 1..LastAcked of every device) with what the time-series store holds:
/// <c>lost</c> = acknowledged seqs missing from the store, <c>duplicated</c> = extra copies of a seq in the store,
/// <c>unexpected</c> = stored seqs that were never acknowledged.
/// </summary>
internal static class SeqAudit
{
    public static async Task<SeqAuditResult> RunAsync(IReadOnlyList<LoadDevice> devices, IStoredSeqs store, CancellationToken cancellationToken)
    {
        long lost = 0, duplicated = 0, unexpected = 0, stored = 0;
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (device, ct) =>
        {
            var seqs = await store.ReadAsync(device.DeviceId, ct);
            var distinct = seqs.ToHashSet();
            var inRange = distinct.Count(s => s >= 1 && s <= device.LastAcked);
            Interlocked.Add(ref stored, seqs.Count);
            Interlocked.Add(ref lost, device.LastAcked - inRange);
            Interlocked.Add(ref duplicated, seqs.Count - distinct.Count);
            Interlocked.Add(ref unexpected, distinct.Count - inRange);
        });
        return new SeqAuditResult(devices.Sum(d => d.LastAcked), stored, lost, duplicated, unexpected);
    }
}

internal sealed record SeqAuditResult(long Acknowledged, long Stored, long Lost, long Duplicated, long Unexpected)
{
    public override string ToString() =>
        $"acknowledged {Acknowledged:N0}, stored {Stored:N0}: lost {Lost:N0}, duplicated {Duplicated:N0}, unexpected {Unexpected:N0}";
}
