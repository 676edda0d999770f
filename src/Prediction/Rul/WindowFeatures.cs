namespace WorkOrders.Prediction.Rul;

/// <summary>
/// Per normalized signal over the last k cycles: last value, mean, mean of the last 5, least-squares slope and standard
/// deviation; plus the unit's age in cycles.
/// </summary>
internal static class WindowFeatures
{
    private const int PerSignal = 5;
    private const int ShortWindow = 5;

    public static int Count(int signals) => signals * PerSignal + 1;

    public static string[] Names(IReadOnlyList<string> signals) =>
    [
        .. signals.SelectMany(s => new[] { $"{s}.last", $"{s}.mean", $"{s}.mean5", $"{s}.slope", $"{s}.std" }),
        "cycle",
    ];

    /// <summary>Features of the window ending at row <paramref name="end"/> of one unit's normalized history.</summary>
    public static void Build(double[][] history, int end, double cycle, int window, Span<float> output)
    {
        var start = Math.Max(0, end - window + 1);
        var n = end - start + 1;
        var shortStart = Math.Max(0, end - ShortWindow + 1);
        var signals = history[end].Length;
        var meanIndex = (n - 1) / 2.0;
        var indexVariance = 0.0;
        for (var t = 0; t < n; t++)
        {
            indexVariance += (t - meanIndex) * (t - meanIndex);
        }

        for (var s = 0; s < signals; s++)
        {
            var sum = 0.0;
            var sumSquares = 0.0;
            var cross = 0.0;
            for (var t = start; t <= end; t++)
            {
                var v = history[t][s];
                sum += v;
                sumSquares += v * v;
                cross += (t - start - meanIndex) * v;
            }

            var shortSum = 0.0;
            for (var t = shortStart; t <= end; t++)
            {
                shortSum += history[t][s];
            }

            var mean = sum / n;
            var variance = n > 1 ? Math.Max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
            var o = s * PerSignal;
            output[o] = (float)history[end][s];
            output[o + 1] = (float)mean;
            output[o + 2] = (float)(shortSum / (end - shortStart + 1));
            output[o + 3] = (float)(indexVariance > 0 ? cross / indexVariance : 0);
            output[o + 4] = (float)Math.Sqrt(variance);
        }

        output[signals * PerSignal] = (float)cycle;
    }
}
