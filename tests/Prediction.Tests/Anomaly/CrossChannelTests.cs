using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>A pump whose vibration, current and temperature follow its load: moving together is load, moving apart is a fault.</summary>
public sealed class CrossChannelTests
{
    private static Dictionary<string, double> Pump(double load, Series noise, double vibrationFault = 0) => new()
    {
        ["vibration"] = 2 + load + 0.1 * noise.Gaussian() + vibrationFault,
        ["current"] = 10 + 5 * load + 0.5 * noise.Gaussian(),
        ["temperature"] = 40 + 3 * load + 0.3 * noise.Gaussian(),
    };

    private static IEnumerable<IReadOnlyList<IReadOnlyDictionary<string, double>>> NormalWindows(Series noise)
    {
        for (var w = 0; w < 20; w++)
        {
            yield return [.. Enumerable.Range(0, 100).Select(i => (IReadOnlyDictionary<string, double>)Pump(0.1 * noise.Gaussian(), noise))];
        }
    }

    [Fact]
    public void RandomizedPcaBaseline_CapturesThatTheChannelsMoveTogether()
    {
        var baseline = new AssetTypeBaselineTrainer(rank: 1).Train("pump", ["vibration", "current", "temperature"], NormalWindows(new Series(30)));

        Assert.Equal(1, baseline.Rank);
        Assert.Equal(3, baseline.Components.Count);
        Assert.All(baseline.Components, c => Assert.InRange(Math.Abs(c), 0.3, 0.8));
        Assert.InRange(baseline.ResidualEnergy, 0.01, 1.5);
    }

    [Fact]
    public void VibrationUpWhileCurrentGoesDown_ScoresFarAboveAllRisingTogether_AndIsExplainedByThoseChannels()
    {
        var noise = new Series(31);
        var baseline = new AssetTypeBaselineTrainer(rank: 1).Train("pump", ["vibration", "current", "temperature"], NormalWindows(noise));
        var factory = Scoring.Factory(new AnomalyDetectorOptions { CrossChannelRank = 1 }, new AnomalyBaselineCatalog([baseline]));
        var together = factory.Create("pump");
        var apart = factory.Create("pump");
        for (var i = 0; i < 400; i++)
        {
            // The load changes from one sample to the next, so the channels' residuals move together.
            var load = 0.1 * noise.Gaussian();
            together.Score(Series.At(i), Pump(load, noise));
            apart.Score(Series.At(i), Pump(load, noise));
        }

        // The same 2.5 robust sigmas (of the asset type) on each channel; only the direction differs.
        var vibration = 2.5 * baseline.Sigmas[0];
        var current = 2.5 * baseline.Sigmas[1];
        var temperature = 2.5 * baseline.Sigmas[2];
        var bothUp = together.Score(Series.At(400), new Dictionary<string, double> { ["vibration"] = 2 + vibration, ["current"] = 10 + current, ["temperature"] = 40 + temperature });
        var opposite = apart.Score(Series.At(400), new Dictionary<string, double> { ["vibration"] = 2 + vibration, ["current"] = 10 - current, ["temperature"] = 40 });

        Assert.True(bothUp.Score < 0.3, bothUp.Explain());
        Assert.True(opposite.Score > bothUp.Score + 0.3, $"opposite {opposite.Explain()} vs together {bothUp.Explain()}");
        Assert.Equal(["current", "vibration"], opposite.Contributions.Take(2).Select(c => c.Channel).Order());
    }

    [Fact]
    public void DetectorSeededFromABaseline_ScoresAfterHalfTheWarmup()
    {
        var noise = new Series(32);
        var baseline = new AssetTypeBaselineTrainer(rank: 1).Train("pump", ["vibration", "current", "temperature"], NormalWindows(noise));
        var detector = Scoring.Factory(new AnomalyDetectorOptions { WarmupSamples = 50, CrossChannelRank = 1 }, new AnomalyBaselineCatalog([baseline])).Create("pump");

        var scores = Enumerable.Range(0, 30).Select(i => detector.Score(Series.At(i), Pump(0, noise))).ToArray();

        Assert.True(scores[24].WarmingUp);
        Assert.False(scores[25].WarmingUp);
    }
}
