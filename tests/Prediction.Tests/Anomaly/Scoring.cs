using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

internal static class Scoring
{
    public static IAnomalyDetectorFactory Factory(AnomalyDetectorOptions? options = null, AnomalyBaselineCatalog? catalog = null) =>
        new AnomalyDetectorFactory(options ?? new AnomalyDetectorOptions(), catalog ?? AnomalyBaselineCatalog.Empty);

    public static double[] Run(IAnomalyDetector detector, IReadOnlyList<double> values, int startIndex = 0) =>
        [.. values.Select((v, i) => detector.Score(Series.At(startIndex + i), Series.One(v)).Score)];

    public static double[] Run(IAnomalyDetector detector, IReadOnlyList<IReadOnlyDictionary<string, double>> samples) =>
        [.. samples.Select((s, i) => detector.Score(Series.At(i), s).Score)];

    public static double[] Run(IReadOnlyList<double> values, AnomalyDetectorOptions? options = null) =>
        Run(Factory(options).Create("pump"), values);

    /// <summary>A fresh detector scores the samples before <paramref name="split"/>, then carries on beside its restored copy.</summary>
    public static RestoredRun ScoreAfterRestore(
        IAnomalyDetectorFactory factory, string assetType, IReadOnlyList<IReadOnlyDictionary<string, double>> samples, int split, int count)
    {
        var original = factory.Create(assetType);
        for (var i = 0; i < split; i++)
        {
            original.Score(Series.At(i), samples[i]);
        }

        return ScoreAfterRestore(factory, assetType, original, samples, split, count);
    }

    /// <summary>
    /// Exports <paramref name="original"/>'s state, restores a detector from it, and lets both score the
    /// <paramref name="count"/> samples from <paramref name="from"/> on: a restored detector must carry on exactly.
    /// </summary>
    public static RestoredRun ScoreAfterRestore(
        IAnomalyDetectorFactory factory, string assetType, IAnomalyDetector original,
        IReadOnlyList<IReadOnlyDictionary<string, double>> samples, int from, int count)
    {
        var state = original.ExportState();
        var restored = factory.Create(assetType, state);
        var originalScores = Enumerable.Range(from, count).Select(i => original.Score(Series.At(i), samples[i]).Score).ToArray();
        var restoredScores = Enumerable.Range(from, count).Select(i => restored.Score(Series.At(i), samples[i]).Score).ToArray();
        return new RestoredRun(state, originalScores, restoredScores, original.ExportState(), restored.ExportState());
    }

    /// <summary>Runs of consecutive samples at or above the threshold, from <paramref name="from"/> on.</summary>
    public static int Alarms(IReadOnlyList<double> scores, double threshold, int from = 0, int to = int.MaxValue)
    {
        var alarms = 0;
        var inside = false;
        for (var i = from; i < Math.Min(to, scores.Count); i++)
        {
            var above = scores[i] >= threshold;
            alarms += above && !inside ? 1 : 0;
            inside = above;
        }

        return alarms;
    }
}

/// <summary>
/// The state a detector was restored from, the scores of the original and the restored one over the same samples, and
/// their states after them.
/// </summary>
internal sealed record RestoredRun(
    string State, double[] OriginalScores, double[] RestoredScores, string OriginalStateAfter, string RestoredStateAfter)
{
    /// <summary>The restored detector scored every sample as the original did and ended in the same state.</summary>
    public void AssertCarriedOnExactly()
    {
        Assert.Equal(OriginalScores, RestoredScores);
        Assert.Equal(OriginalStateAfter, RestoredStateAfter);
    }
}
