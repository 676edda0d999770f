using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>A pump whose vibration and current follow its load: both rising is load, vibration rising alone is a fault.</summary>
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
    public void VibrationRisingAlone_ScoresHigherThanAllChannelsRisingWithLoad_AndIsExplainedByVibration()
    {
        var noise = new Series(31);
        var baseline = new AssetTypeBaselineTrainer(rank: 1).Train("pump", ["vibration", "current", "temperature"], NormalWindows(noise));
        var factory = Scoring.Factory(new AnomalyDetectorOptions { CrossChannelRank = 1 }, new AnomalyBaselineCatalog([baseline]));
        var loadDevice = factory.Create("pump");
        var faultDevice = factory.Create("pump");
        for (var i = 0; i < 400; i++)
        {
            var load = 0.1 * Math.Sin(i / 20.0);
            loadDevice.Score(Series.At(i), Pump(load, noise));
            faultDevice.Score(Series.At(i), Pump(load, noise));
        }

        var loadScore = loadDevice.Score(Series.At(400), Pump(0.35, noise));
        var faultScore = faultDevice.Score(Series.At(400), Pump(0, noise, vibrationFault: 0.35));

        Assert.True(loadScore.Score < 0.1, loadScore.Explain());
        Assert.True(faultScore.Score >= loadScore.Score + 0.2, $"fault {faultScore.Explain()} vs load {loadScore.Explain()}");
        Assert.Equal("vibration", faultScore.Contributions[0].Channel);
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
