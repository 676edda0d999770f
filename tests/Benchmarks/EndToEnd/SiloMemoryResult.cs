namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>One round: how many device grains were active at each step, and the settled heap then.</summary>
internal sealed record SiloMemoryRound(int[] Active, SettledHeap.Reading[] Heap)
{
    /// <summary>Heap growth per grain from the first step to the last (every reading after a burst of activations).</summary>
    public long BytesPerDevice => (Heap[^1].Bytes - Heap[1].Bytes) / (Active[^1] - Active[1]);

    /// <summary>Heap growth per grain from no grain to all of them (what the harness reported before 2026-11-26).</summary>
    public long FromNoneBytesPerDevice => (Heap[^1].Bytes - Heap[0].Bytes) / Active[^1];

    public bool Settled => Heap.All(h => h.Settled);

    public override string ToString() =>
        $"{BytesPerDevice:N0} B (from none {FromNoneBytesPerDevice:N0} B; steps " +
        string.Join(" ", Heap.Skip(1).Select((h, i) => $"{(h.Bytes - Heap[i].Bytes) / (Active[i + 1] - Active[i]):N0}")) +
        (Settled ? ")" : "; a reading did not settle)");
}

/// <summary>The rounds after the warm-up: the median is reported (<c>grain_bytes_per_device</c>), with the spread.</summary>
internal sealed record SiloMemoryResult(int Devices, SiloMemoryRound WarmUp, SiloMemoryRound[] Rounds, string WarmUpStorage)
{
    public long BytesPerDevice => Median(Rounds.Select(r => r.BytesPerDevice));

    public long FromNoneBytesPerDevice => Median(Rounds.Select(r => r.FromNoneBytesPerDevice));

    public long Spread => Rounds.Max(r => r.BytesPerDevice) - Rounds.Min(r => r.BytesPerDevice);

    /// <summary>The line printed beside the RESULT line: the median, the spread, every round.</summary>
    public string SpreadLine =>
        $"MEMORY devices={Devices} rounds={Rounds.Length} median={BytesPerDevice} min={Rounds.Min(r => r.BytesPerDevice)} " +
        $"max={Rounds.Max(r => r.BytesPerDevice)} spread={Spread} from_none_median={FromNoneBytesPerDevice}";

    public override string ToString() =>
        $"heap {Rounds[^1].Heap[0].Bytes / 1048576.0:N1} MiB → {Rounds[^1].Heap[^1].Bytes / 1048576.0:N1} MiB for {Devices:N0} grains; " +
        $"median {BytesPerDevice:N0} B each over {Rounds.Length} rounds (spread {Spread:N0} B): {string.Join("; ", Rounds.Select(r => r.ToString()))}; " +
        $"warm-up round {WarmUp}; {WarmUpStorage}";

    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
