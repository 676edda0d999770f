namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>One round: how many device grains were active at each step, and the settled heap then.</summary>
internal sealed record SiloMemoryRound(int[] Active, SettledHeap.Reading[] Heap)
{
    /// <summary>Heap growth per grain activated, step by step.</summary>
    public long[] Steps => [.. Heap.Skip(1).Select((h, i) => (h.Bytes - Heap[i].Bytes) / (Active[i + 1] - Active[i]))];

    /// <summary>Heap growth per grain from no grain to all of them (what the harness reported before 2026-11-26).</summary>
    public long FromNoneBytesPerDevice => (Heap[^1].Bytes - Heap[0].Bytes) / Active[^1];

    public bool Settled => Heap.All(h => h.Settled);

    public override string ToString() =>
        $"from none {FromNoneBytesPerDevice:N0} B; steps {string.Join(" ", Steps.Select(s => s.ToString("N0")))}; " +
        $"pool threads {string.Join("→", Heap.Select(h => h.Threads))}" + (Settled ? string.Empty : "; a reading did not settle");
}

/// <summary>
/// The rounds after the warm-up. <c>grain_bytes_per_device</c> is the median of every step of every round: a step is
/// hundreds of grains, and now and then something else in the process grows or shrinks by hundreds of KB between two
/// readings (the thread count of the pool is printed beside each reading to tell), which moves that one step by thousands of bytes a
/// grain; the median does not follow it. The quartiles and extremes are printed as the spread.
/// </summary>
internal sealed record SiloMemoryResult(int Devices, SiloMemoryRound WarmUp, SiloMemoryRound[] Rounds, string WarmUpStorage)
{
    private long[] AllSteps => [.. Rounds.SelectMany(r => r.Steps).Order()];

    public long BytesPerDevice => Quantile(AllSteps, 0.5);

    public long FromNoneBytesPerDevice => Quantile([.. Rounds.Select(r => r.FromNoneBytesPerDevice).Order()], 0.5);

    /// <summary>The line printed beside the RESULT line: the median, the spread, the older figure.</summary>
    public string SpreadLine
    {
        get
        {
            var steps = AllSteps;
            return $"MEMORY devices={Devices} rounds={Rounds.Length} steps={steps.Length} median={BytesPerDevice} " +
                   $"p25={Quantile(steps, 0.25)} p75={Quantile(steps, 0.75)} min={steps[0]} max={steps[^1]} from_none_median={FromNoneBytesPerDevice}";
        }
    }

    public override string ToString() =>
        $"heap {Rounds[^1].Heap[0].Bytes / 1048576.0:N1} MiB → {Rounds[^1].Heap[^1].Bytes / 1048576.0:N1} MiB for {Devices:N0} grains; " +
        $"median step {BytesPerDevice:N0} B a grain over {Rounds.Length} rounds: {string.Join(" | ", Rounds.Select(r => r.ToString()))}; " +
        $"warm-up round {WarmUp}; {WarmUpStorage}";

    /// <summary>Linear interpolation between the nearest ranks of a sorted array.</summary>
    private static long Quantile(long[] sorted, double quantile)
    {
        var position = quantile * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return (long)Math.Round(sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower])));
    }
}
