using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// A compressor that cycles between load and unload from its very first sample (no idle start for the level to settle
/// in) still learns its operating regimes (detector version 3), and a follower switches by itself when the leader's
/// reading is missing.
/// </summary>
public sealed class FreshStartRegimeTests
{
    /// <summary>Flow and current of a compressor whose first sample is sample <paramref name="from"/> of its day.</summary>
    internal static IReadOnlyDictionary<string, double>[] Compressor(Series series, int length, int from = 0) =>
        new CycledCompressor { From = from }.Generate(series, length);

    /// <summary>The leading channel's index in the exported state (-1 while the device has no known regimes).</summary>
    internal static int Leader(IAnomalyDetector detector) =>
        System.Text.Json.JsonDocument.Parse(detector.ExportState()).RootElement.TryGetProperty("rl", out var leader) ? leader.GetInt32() : -1;

    private static IAnomalyDetector Replay(AnomalyDetectorOptions options, IReadOnlyList<IReadOnlyDictionary<string, double>> samples)
    {
        var detector = Scoring.Factory(options).Create("compressor");
        for (var i = 0; i < samples.Count; i++)
        {
            detector.Score(Series.At(i), samples[i]);
        }

        return detector;
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    public void ACompressorCyclingFromItsFirstSample_KnowsItsRegimesWithinAnHour(int seed)
    {
        var samples = Compressor(new Series(seed), 360, from: 4000);

        var detector = Replay(new AnomalyDetectorOptions { RegimesFromJumps = true }, samples);

        Assert.Equal(0, Leader(detector));
    }

    /// <summary>Every switch into load after the first 2,000 samples, with the leading flow reading dropped there: only the current says the regime changed.</summary>
    private static (IReadOnlyDictionary<string, double>[] Samples, List<int> Dropped) DroppedAtSwitches(int seed)
    {
        var samples = Compressor(new Series(seed), 8640, from: 4000);
        var loaded = samples.Select(s => s["flow_m3h"] > 200).ToArray();
        var dropped = new List<int>();
        for (var i = 2000; i < samples.Length; i++)
        {
            if (loaded[i] && !loaded[i - 1])
            {
                samples[i] = new Dictionary<string, double> { ["current_a"] = samples[i]["current_a"] };
                dropped.Add(i);
            }
        }

        return (samples, dropped);
    }

    [Fact]
    public void AFollowerWhoseLeaderDroppedOut_SwitchesByItselfInsteadOfAlarming()
    {
        var (samples, dropped) = DroppedAtSwitches(64);

        var scores = Scoring.Run(Scoring.Factory(new AnomalyDetectorOptions { RegimesFromJumps = true }).Create("compressor"), samples);

        Assert.True(dropped.Count > 100);
        Assert.All(dropped, i => Assert.True(scores[i] < 0.9, $"sample {i} scored {scores[i]:0.00}"));
    }

    [Fact]
    public void AFollowerWhoseLeaderDroppedOut_AlarmsInVersionsFourToSix()
    {
        var (samples, dropped) = DroppedAtSwitches(64);

        var scores = Scoring.Run(Scoring.Factory(new AnomalyDetectorOptions { FollowWithoutLeader = false }).Create("compressor"), samples);

        Assert.Contains(dropped, i => scores[i] >= 0.9);
    }

    [Fact]
    public void AFollowerWhoseLeaderDroppedOut_SwitchesByItselfWithTheDefaults()
    {
        var (samples, dropped) = DroppedAtSwitches(64);

        var scores = Scoring.Run(Scoring.Factory(new AnomalyDetectorOptions()).Create("compressor"), samples);

        Assert.True(dropped.Count > 100);
        Assert.All(dropped, i => Assert.True(scores[i] < 0.9, $"sample {i} scored {scores[i]:0.00}"));
    }
}
