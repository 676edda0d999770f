using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// Detector version 5 (the defaults): a channel with two operating regimes keeps a slow-drift reference per regime; a
/// slow shift of the loaded level alone is still caught.
/// </summary>
public sealed class VersionFiveTests
{
    private const int Day = 8640;

    /// <summary>
    /// A compressor's flow, current and vibration: two working days, then, from <paramref name="idleFrom"/>, idle days on
    /// which it runs loaded for 8 samples in every 88, all day as on a night. <paramref name="loadedCurrentRise"/> (A per
    /// day, from <paramref name="idleFrom"/>) is an electrical fault that raises the loaded current only.
    /// </summary>
    private static IReadOnlyDictionary<string, double>[] Compressor(int seed, int length, int idleFrom, double loadedCurrentRise = 0) =>
        new CycledCompressor { IdleFrom = idleFrom, LoadedCurrentRisePerDay = loadedCurrentRise, Vibration = true }.Generate(new Series(seed), length);

    /// <summary>Scores every sample, re-baselining the detector before sample <paramref name="rebaselineAt"/> (maintenance).</summary>
    private static double[] Replay(AnomalyDetectorOptions options, IReadOnlyList<IReadOnlyDictionary<string, double>> samples, int rebaselineAt)
    {
        var detector = Scoring.Factory(options).Create("compressor");
        var scores = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            if (i == rebaselineAt)
            {
                detector.Rebaseline();
            }

            scores[i] = detector.Score(Series.At(i), samples[i]).Score;
        }

        return scores;
    }

    [Theory]
    [InlineData(93)]
    [InlineData(94)]
    public void ALoadedCurrentThatCreepsUpOverIdleDays_IsStillCaught(int seed)
    {
        var samples = Compressor(seed, 5 * Day, idleFrom: 2 * Day, loadedCurrentRise: 4);

        var scores = Replay(new AnomalyDetectorOptions(), samples, rebaselineAt: -1);

        Assert.True(Scoring.Alarms(scores, 0.9, from: 2 * Day) > 0);
    }
}
