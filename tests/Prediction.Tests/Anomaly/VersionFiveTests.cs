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
    /// A compressor's flow (0 or 420 m³/h), current (46 or 87 A) and temperature: two working days (switching every 10
    /// samples by day, 8 loaded / 80 unloaded by night), then, from <paramref name="idleFrom"/>, idle days on which it
    /// runs loaded for 8 samples in every 88, all day as on a night. <paramref name="loadedCurrentRise"/> (A per day, from
    /// <paramref name="idleFrom"/>) is an electrical fault that raises the loaded current only.
    /// </summary>
    private static IReadOnlyDictionary<string, double>[] Compressor(int seed, int length, int idleFrom, double loadedCurrentRise = 0)
    {
        var series = new Series(seed);
        var samples = new IReadOnlyDictionary<string, double>[length];
        var loaded = true;
        var left = 0;
        for (var i = 0; i < length; i++)
        {
            if (left-- <= 0)
            {
                loaded = !loaded;
                var night = i % Day < Day / 3;
                left = i >= idleFrom ? (loaded ? 8 : 80) : loaded ? (night ? 8 : 10) : (night ? 80 : 10);
            }

            var rise = i >= idleFrom ? loadedCurrentRise * (i - idleFrom) / Day : 0;
            samples[i] = new Dictionary<string, double>
            {
                ["flow_m3h"] = loaded ? 420 + 4 * series.Gaussian() : 0.5 + 0.1 * series.Gaussian(),
                ["current_a"] = loaded ? 87 + rise + 0.8 * series.Gaussian() : 46 + 0.5 * series.Gaussian(),
                ["vibration_rms_g"] = (loaded ? 0.18 : 0.15) + 0.004 * series.Gaussian(),
            };
        }

        return samples;
    }

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
