namespace WorkOrders.Prediction.Lifecycle;

/// <summary>
/// A device's recent RUL cycles, built sample by sample (<see cref="RulCycles"/>' buckets), the newest
/// <c>keep</c> kept. A plain settable class: device grains keep it in their JSON state.
/// </summary>
public sealed class RulCycleWindow
{
    public DateTimeOffset? BucketStart { get; set; }

    public Dictionary<string, double> Sums { get; set; } = [];

    public Dictionary<string, int> Counts { get; set; } = [];

    /// <summary>Closed cycles, oldest first: the mean of each channel.</summary>
    public List<Dictionary<string, double>> Cycles { get; set; } = [];

    public void Add(DateTimeOffset timestamp, IReadOnlyDictionary<string, double> readings, TimeSpan cycle, int keep)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var bucket = RulCycles.BucketOf(timestamp, cycle);
        if (BucketStart is { } current && bucket > current)
        {
            Close(keep);
        }

        if (BucketStart is null || bucket > BucketStart)
        {
            BucketStart = bucket;
        }

        foreach (var (name, value) in readings)
        {
            if (double.IsFinite(value))
            {
                Sums[name] = Sums.GetValueOrDefault(name) + value;
                Counts[name] = Counts.GetValueOrDefault(name) + 1;
            }
        }
    }

    private void Close(int keep)
    {
        if (Counts.Count > 0)
        {
            Cycles.Add(Sums.ToDictionary(s => s.Key, s => s.Value / Counts[s.Key], StringComparer.Ordinal));
            if (Cycles.Count > keep)
            {
                Cycles.RemoveRange(0, Cycles.Count - keep);
            }
        }

        Sums = [];
        Counts = [];
    }
}
