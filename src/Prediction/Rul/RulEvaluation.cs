using Microsoft.ML;

namespace WorkOrders.Prediction.Rul;

/// <summary>Held-out error, a constant-mean baseline, and residual bands by predicted-RUL quartile.</summary>
internal static class RulEvaluation
{
    private const int Bins = 4;

    public static (RulMetrics Metrics, IReadOnlyList<ResidualBand> Bands) Measure(
        MLContext ml,
        ITransformer model,
        RulFeatureSpace space,
        IReadOnlyList<UnitHistory> units,
        IReadOnlyList<List<FeatureVectorRow>> examples,
        int[] trainIndex,
        int[] holdoutIndex,
        RulTrainingOptions options)
    {
        var holdout = holdoutIndex.SelectMany(i => examples[i]).ToList();
        var predicted = RulScoring.Predict(ml, model, space.Size, holdout.Select(r => r.Features));
        var truth = holdout.Select(r => (double)r.Label).ToArray();
        var clipped = predicted.Select(p => Math.Clamp(p, 0, options.RulCap)).ToArray();
        var trainMean = trainIndex.SelectMany(i => examples[i]).Average(r => (double)r.Label);

        var rmse = Math.Sqrt(truth.Zip(clipped, (t, p) => (t - p) * (t - p)).Average());
        var mae = truth.Zip(clipped, (t, p) => Math.Abs(t - p)).Average();
        var baseline = Math.Sqrt(truth.Average(t => (t - trainMean) * (t - trainMean)));
        var lastWindow = LastWindowRmse(ml, model, space, units, examples, holdoutIndex, options);

        var metrics = new RulMetrics(trainIndex.Length, holdoutIndex.Length, 0, rmse, mae, baseline, lastWindow);
        return (metrics, BandsOf(clipped, truth));
    }

    /// <summary>Like a C-MAPSS test set: each held-out unit cut at a seeded random cycle, error against the true (uncapped) RUL.</summary>
    private static double LastWindowRmse(
        MLContext ml, ITransformer model, RulFeatureSpace space, IReadOnlyList<UnitHistory> units,
        IReadOnlyList<List<FeatureVectorRow>> examples, int[] holdoutIndex, RulTrainingOptions options)
    {
        var random = new Random(options.Seed + 1);
        var cuts = holdoutIndex.Select(i => (Unit: i, End: random.Next(Math.Min(space.WindowCycles, units[i].Rows.Count - 1), units[i].Rows.Count))).ToArray();
        var predicted = RulScoring.Predict(ml, model, space.Size, cuts.Select(c => examples[c.Unit][c.End].Features));
        var squared = cuts.Select((c, k) =>
        {
            var rows = units[c.Unit].Rows;
            var trueRul = rows[^1].Cycle - rows[c.End].Cycle;
            var error = trueRul - Math.Clamp(predicted[k], 0, options.RulCap);
            return error * error;
        });
        return Math.Sqrt(squared.Average());
    }

    private static ResidualBand[] BandsOf(double[] predicted, double[] truth)
    {
        var order = Enumerable.Range(0, predicted.Length).OrderBy(i => predicted[i]).ToArray();
        var bands = new ResidualBand[Bins];
        for (var b = 0; b < Bins; b++)
        {
            var from = b * order.Length / Bins;
            var to = Math.Max(from + 1, (b + 1) * order.Length / Bins);
            var slice = order[from..Math.Min(to, order.Length)];
            var residuals = slice.Select(i => truth[i] - predicted[i]).OrderBy(r => r).ToArray();
            var upTo = b == Bins - 1 ? double.MaxValue : predicted[slice[^1]];
            bands[b] = new ResidualBand(upTo, [.. Enumerable.Range(1, 19).Select(q => Quantile(residuals, q / 20.0))]);
        }

        return bands;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
