namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The process's garbage collections so far: how many per generation and how long the runtime was paused for them.
/// The difference of two readings describes a phase; pauses stop every thread, so they land in the latency tail.
/// </summary>
internal readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcActivity Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcActivity operator -(GcActivity later, GcActivity earlier) =>
        new(later.Gen0 - earlier.Gen0, later.Gen1 - earlier.Gen1, later.Gen2 - earlier.Gen2, later.Paused - earlier.Paused);

    /// <summary>Collections counted as the runtime does: a gen1 collection also counts as a gen0 one.</summary>
    public string Describe(TimeSpan over)
    {
        var collections = Math.Max(Gen0, 1);
        return $"GC {Gen0:N0} collections (gen1 {Gen1:N0}, gen2 {Gen2:N0}), paused {Paused.TotalMilliseconds:N0} ms " +
               $"({Paused / over:P1} of the phase, {Paused.TotalMilliseconds / collections:N1} ms a collection)";
    }
}
