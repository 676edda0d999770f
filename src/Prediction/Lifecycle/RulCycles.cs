namespace WorkOrders.Prediction.Lifecycle;

/// <summary>
/// Telemetry becomes RUL "cycles" by averaging each channel over fixed buckets of <c>cycle</c> length aligned to the
/// Unix epoch; empty buckets (gaps) produce no cycle. Training and the grains' forecasts use the same buckets.
/// </summary>
public static class RulCycles
{
    public static DateTimeOffset BucketOf(DateTimeOffset timestamp, TimeSpan cycle)
    {
        var ticks = timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (((ticks % cycle.Ticks) + cycle.Ticks) % cycle.Ticks));
    }

    /// <summary>The mean of every finite reading per bucket, buckets in time order.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, IReadOnlyDictionary<string, double> Means)> Aggregate(
        IEnumerable<(DateTimeOffset Timestamp, IReadOnlyDictionary<string, double> Readings)> samples, TimeSpan cycle)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var buckets = new SortedDictionary<DateTimeOffset, Dictionary<string, (double Sum, int Count)>>();
        foreach (var (timestamp, readings) in samples)
        {
            var start = BucketOf(timestamp, cycle);
            if (!buckets.TryGetValue(start, out var sums))
            {
                buckets[start] = sums = new Dictionary<string, (double, int)>(StringComparer.Ordinal);
            }

            foreach (var (name, value) in readings)
            {
                if (double.IsFinite(value))
                {
                    var (sum, count) = sums.GetValueOrDefault(name);
                    sums[name] = (sum + value, count + 1);
                }
            }
        }

        return [.. buckets.Where(b => b.Value.Count > 0).Select(b =>
            (b.Key, (IReadOnlyDictionary<string, double>)b.Value.ToDictionary(s => s.Key, s => s.Value.Sum / s.Value.Count, StringComparer.Ordinal)))];
    }

    /// <summary>Rows in the order of <paramref name="features"/>; a channel missing from a cycle carries its previous value. Null when a feature was never seen.</summary>
    public static IReadOnlyList<double[]>? Rows(IEnumerable<IReadOnlyDictionary<string, double>> cycles, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(features);
        var last = new double[features.Count];
        Array.Fill(last, double.NaN);
        var rows = new List<double[]>();
        foreach (var cycle in cycles)
        {
            for (var j = 0; j < features.Count; j++)
            {
                if (cycle.TryGetValue(features[j], out var value) && double.IsFinite(value))
                {
                    last[j] = value;
                }
            }

            rows.Add((double[])last.Clone());
        }

        // Leading gaps of a channel take its first seen value; a channel never seen makes the rows unusable.
        for (var j = 0; j < features.Count; j++)
        {
            var first = rows.Select(r => r[j]).FirstOrDefault(double.IsFinite, double.NaN);
            if (double.IsNaN(first))
            {
                return null;
            }

            foreach (var row in rows.TakeWhile(r => double.IsNaN(r[j])))
            {
                row[j] = first;
            }
        }

        return rows;
    }
}
