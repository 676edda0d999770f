using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Cli.Detect;

/// <summary>
/// Runs the grains' streaming detector over a file, row by row and causally. The first <see cref="LearningFraction"/>
/// of the rows are learned from and scored 0.
/// </summary>
public static class SeriesScorer
{
    public const double LearningFraction = 0.15;

    public static double[] Score(SeriesFile series, AnomalyDetectorOptions baseOptions, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(baseOptions);
        var rows = series.Values.Length;
        var learningRows = (int)Math.Ceiling(rows * LearningFraction);
        var options = baseOptions with { WarmupSamples = Math.Max(2, learningRows) };
        var detector = new AnomalyDetectorFactory(options).Create("cli");
        var readings = new Dictionary<string, double>(series.Channels.Count, StringComparer.Ordinal);
        var scores = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            readings.Clear();
            for (var c = 0; c < series.Channels.Count; c++)
            {
                readings[series.Channels[c]] = series.Values[r][c];
            }

            var score = detector.Score(series.Timestamps[r], readings);
            scores[r] = r < learningRows || score.WarmingUp ? 0 : score.Score;
            if ((r & 1023) == 0)
            {
                progress?.Report(r);
            }
        }

        progress?.Report(rows);
        return scores;
    }
}
