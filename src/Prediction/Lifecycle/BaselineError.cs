using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Lifecycle;

/// <summary>
/// How well a baseline's subspace explains normal windows: each window standardized by its own median/MAD (as the
/// trainer does), then the mean squared residual off the subspace per complete sample.
/// </summary>
internal static class BaselineError
{
    public static double? Mean(AssetTypeBaseline baseline, IEnumerable<IReadOnlyList<IReadOnlyDictionary<string, double>>> windows)
    {
        var channels = baseline.Channels;
        var k = channels.Count;
        double total = 0;
        var count = 0;
        foreach (var window in windows)
        {
            var matrix = channels.Select(c => window.Select(s => s.TryGetValue(c, out var v) ? v : double.NaN).ToArray()).ToArray();
            var center = matrix.Select(Median).ToArray();
            var spread = matrix.Select((column, j) => Math.Max(1.4826 * Median([.. column.Select(v => Math.Abs(v - center[j]))]), 1e-9)).ToArray();
            var z = new double[k];
            for (var t = 0; t < window.Count; t++)
            {
                var complete = true;
                for (var j = 0; j < k; j++)
                {
                    complete &= double.IsFinite(matrix[j][t]);
                    z[j] = Math.Clamp((matrix[j][t] - center[j]) / spread[j], -10, 10);
                }

                if (complete)
                {
                    total += Residual(z, baseline);
                    count++;
                }
            }
        }

        return count == 0 ? null : total / count;
    }

    private static double Residual(double[] z, AssetTypeBaseline baseline)
    {
        var k = z.Length;
        var residual = (double[])z.Clone();
        for (var i = 0; i < baseline.Rank; i++)
        {
            var y = 0.0;
            for (var j = 0; j < k; j++)
            {
                y += baseline.Components[i * k + j] * z[j];
            }

            for (var j = 0; j < k; j++)
            {
                residual[j] -= y * baseline.Components[i * k + j];
            }
        }

        return residual.Sum(r => r * r);
    }

    private static double Median(double[] values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0)
        {
            return 0;
        }

        var middle = finite.Length / 2;
        return finite.Length % 2 == 1 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
    }
}
