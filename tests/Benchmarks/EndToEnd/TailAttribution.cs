namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Which pauses the slowest 1 % of a phase's samples (at least one) lived through: a sample is counted against a pause when the
/// pause overlaps its publish → scored span; GC pauses count from <see cref="GcPauseMs"/>. A sample caught only in the
/// backlog a pause left behind (published after it ended) counts as "neither", so the shares are a lower bound of
/// what the pauses cost.
/// </summary>
internal sealed record TailAttribution(
    int Tail, double ThresholdMs, int ThroughStoreHold, int ThroughGcPause, int ThroughEither, PhasePauses Pauses)
{
    /// <summary>GC pauses shorter than this are not counted against a sample.</summary>
    public const double GcPauseMs = 10;

    public static TailAttribution Of(IReadOnlyList<SampleSpan> samples, PhasePauses pauses)
    {
        if (samples.Count == 0)
        {
            return new TailAttribution(0, double.NaN, 0, 0, 0, pauses);
        }

        var slowest = samples.OrderByDescending(s => s.Milliseconds).Take((int)Math.Ceiling(samples.Count / 100.0)).ToArray();
        int holds = 0, collections = 0, either = 0;
        foreach (var sample in slowest)
        {
            var held = pauses.StoreHolds.Any(p => p.Overlaps(sample));
            var collected = pauses.GcPauses.Any(p => p.Milliseconds >= GcPauseMs && p.Overlaps(sample));
            holds += held ? 1 : 0;
            collections += collected ? 1 : 0;
            either += held || collected ? 1 : 0;
        }

        return new TailAttribution(slowest.Length, slowest[^1].Milliseconds, holds, collections, either, pauses);
    }

    public override string ToString() => Tail == 0
        ? "slowest 1 %: no samples"
        : $"slowest 1 % (n={Tail:N0}, ≥ {ThresholdMs:F1} ms) lived through: a store pass holding writes {Share(ThroughStoreHold)}, " +
          $"a GC pause ≥ {GcPauseMs:N0} ms {Share(ThroughGcPause)}, either {Share(ThroughEither)}, neither {Share(Tail - ThroughEither)}; " +
          $"store holds {Describe(Pauses.StoreHolds)}, GC pauses {Describe(Pauses.GcPauses)}";

    private string Share(int part) => $"{100.0 * part / Tail:F0} %";

    private static string Describe(IReadOnlyList<Pause> pauses) =>
        $"{Percentiles.Of(pauses.Select(p => p.Milliseconds).ToArray())} = {pauses.Sum(p => p.Milliseconds) / 1000:N1} s";
}

/// <summary>One sample's publish and scored times, in Unix milliseconds.</summary>
internal readonly record struct SampleSpan(double PublishedMs, double ScoredMs)
{
    public double Milliseconds => ScoredMs - PublishedMs;

    /// <summary>A time as Unix milliseconds, sub-millisecond part kept: the scale of spans and pauses.</summary>
    public static double UnixMilliseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
