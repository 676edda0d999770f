namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>p50, p99 and max of a set of milliseconds (nearest rank), with how many there were.</summary>
internal sealed record Percentiles(int Count, double P50, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new(0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        return new(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    public override string ToString() => Count == 0 ? "n=0" : $"p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms (n={Count:N0})";

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
