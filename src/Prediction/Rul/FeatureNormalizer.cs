using System.Text.Json.Serialization;

namespace WorkOrders.Prediction.Rul;

/// <summary>
/// Drops constant features and, when the rows fall into well-separated operating regimes (k-means explains at least
/// 90% of the variance), standardizes each feature within its regime, so degradation is not drowned by the operating point.
/// </summary>
internal sealed record FeatureNormalizer(
    [property: JsonPropertyName("kept")] int[] Kept,
    [property: JsonPropertyName("mean")] double[] GlobalMean,
    [property: JsonPropertyName("std")] double[] GlobalStd,
    [property: JsonPropertyName("centroids")] double[][] Centroids,
    [property: JsonPropertyName("regimeMean")] double[][] RegimeMean,
    [property: JsonPropertyName("regimeStd")] double[][] RegimeStd)
{
    private const double ExplainedVarianceForRegimes = 0.9;
    private const int MaxRegimes = 8;
    private const int ClusteringSample = 4000;

    public static FeatureNormalizer Fit(IReadOnlyList<IReadOnlyList<double>> rows, int seed)
    {
        var f = rows[0].Count;
        var (mean, std) = MeanStd(rows, Enumerable.Range(0, f).ToArray(), null, 0);
        var kept = Enumerable.Range(0, f).Where(j => std[j] > 1e-9 * (1 + Math.Abs(mean[j]))).ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidOperationException("Every feature is constant: there is nothing to learn remaining life from.");
        }

        var globalMean = kept.Select(j => mean[j]).ToArray();
        var globalStd = kept.Select(j => std[j]).ToArray();
        var standardized = Sample(rows, seed).Select(r => Standardize(r, kept, globalMean, globalStd)).ToList();
        var centroids = ChooseRegimes(standardized, seed);

        var assignment = rows.Select(r => KMeans.Nearest(Standardize(r, kept, globalMean, globalStd), centroids, centroids.Length).Index).ToArray();
        var regimeMean = new double[centroids.Length][];
        var regimeStd = new double[centroids.Length][];
        for (var c = 0; c < centroids.Length; c++)
        {
            (regimeMean[c], regimeStd[c]) = MeanStd(rows, kept, assignment, c);
        }

        var informative = Enumerable.Range(0, kept.Length)
            .Where(j => regimeStd.Any(s => s[j] > 1e-6 * globalStd[j]))
            .ToArray();
        return new FeatureNormalizer(
            [.. informative.Select(j => kept[j])],
            [.. informative.Select(j => globalMean[j])],
            [.. informative.Select(j => globalStd[j])],
            [.. centroids.Select(c => informative.Select(j => c[j]).ToArray())],
            [.. regimeMean.Select(m => informative.Select(j => m[j]).ToArray())],
            [.. regimeStd.Select(s => informative.Select(j => Math.Max(s[j], 1e-9)).ToArray())]);
    }

    public int Regimes => Centroids.Length;

    public void Normalize(IReadOnlyList<double> raw, Span<double> output)
    {
        Span<double> z = stackalloc double[Kept.Length];
        for (var j = 0; j < Kept.Length; j++)
        {
            z[j] = (raw[Kept[j]] - GlobalMean[j]) / GlobalStd[j];
        }

        var regime = Centroids.Length == 1 ? 0 : KMeans.Nearest(z, Centroids, Centroids.Length).Index;
        for (var j = 0; j < Kept.Length; j++)
        {
            output[j] = (raw[Kept[j]] - RegimeMean[regime][j]) / RegimeStd[regime][j];
        }
    }

    /// <summary>
    /// The smallest k whose clusters explain at least 90% of the variance and that one more cluster would not
    /// halve the rest of; one regime when no k up to <see cref="MaxRegimes"/> explains 90%.
    /// </summary>
    private static double[][] ChooseRegimes(List<double[]> standardized, int seed)
    {
        var total = standardized.Sum(p => p.Sum(v => v * v));
        if (total <= 0)
        {
            return [new double[standardized[0].Length]];
        }

        var fits = Enumerable.Range(2, Math.Min(MaxRegimes, standardized.Count - 1) - 1)
            .Select(k => KMeans.Fit(standardized, k, seed + k))
            .ToArray();
        for (var i = 0; i < fits.Length; i++)
        {
            var remaining = fits[i].Inertia / total;
            var next = i + 1 < fits.Length ? fits[i + 1].Inertia / total : 0;
            if (1 - remaining >= ExplainedVarianceForRegimes && (i + 1 == fits.Length || next > 0.5 * remaining))
            {
                return fits[i].Centroids;
            }
        }

        return [new double[standardized[0].Length]];
    }

    private static double[] Standardize(IReadOnlyList<double> row, int[] kept, double[] mean, double[] std)
    {
        var z = new double[kept.Length];
        for (var j = 0; j < kept.Length; j++)
        {
            z[j] = (row[kept[j]] - mean[j]) / std[j];
        }

        return z;
    }

    private static IEnumerable<IReadOnlyList<double>> Sample(IReadOnlyList<IReadOnlyList<double>> rows, int seed)
    {
        if (rows.Count <= ClusteringSample)
        {
            return rows;
        }

        var random = new Random(seed);
        return Enumerable.Range(0, ClusteringSample).Select(_ => rows[random.Next(rows.Count)]);
    }

    private static (double[] Mean, double[] Std) MeanStd(IReadOnlyList<IReadOnlyList<double>> rows, int[] columns, int[]? assignment, int regime)
    {
        var mean = new double[columns.Length];
        var m2 = new double[columns.Length];
        var n = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (assignment is not null && assignment[i] != regime)
            {
                continue;
            }

            n++;
            for (var j = 0; j < columns.Length; j++)
            {
                var x = rows[i][columns[j]];
                var delta = x - mean[j];
                mean[j] += delta / n;
                m2[j] += delta * (x - mean[j]);
            }
        }

        return (mean, [.. m2.Select(v => n > 1 ? Math.Sqrt(v / (n - 1)) : 0)]);
    }
}
