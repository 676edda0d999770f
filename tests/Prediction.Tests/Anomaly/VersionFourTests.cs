using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// Detector version 4 (the defaults): a load change that slopes every channel the same way is not a new trend, and a
/// compressor that cycles from its first sample learns its regimes from its jumps.
/// </summary>
public sealed class VersionFourTests
{
    private static readonly AnomalyDetectorOptions VersionTwo = new() { CommonMovement = false, StepBeyondLevelSigmas = 0, ReferencePerRegime = false };

    private static readonly string[] Channels = ["current_a", "flow_m3h", "temperature_c", "pressure_bar", "vibration_rms_g"];

    /// <summary>
    /// 400 quiet samples, then the given channels ramp down by <paramref name="rampSigmas"/> noise sigmas over 240
    /// samples (the shift's end: 40 minutes at 10 s), then stay there.
    /// </summary>
    private static IReadOnlyDictionary<string, double>[] Ramp(int seed, IReadOnlySet<string> ramping, double rampSigmas)
    {
        var series = new Series(seed);
        var samples = new IReadOnlyDictionary<string, double>[900];
        for (var i = 0; i < samples.Length; i++)
        {
            var progress = Math.Clamp((i - 400) / 240.0, 0, 1);
            samples[i] = Channels.ToDictionary(c => c, c => 50 + series.Gaussian() - (ramping.Contains(c) ? rampSigmas * progress : 0));
        }

        return samples;
    }

    private static double PeakAfter(int from, double[] scores) => scores.Skip(from).Max();

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public void ALoadChangeThatSlopesEveryChannelTheSameWay_IsNoAnomaly_ButWasForVersionTwo(int seed)
    {
        var samples = Ramp(seed, Channels.ToHashSet(), rampSigmas: 12);

        var scores = Scoring.Run(Scoring.Factory().Create("pump"), samples);
        var versionTwo = Scoring.Run(Scoring.Factory(VersionTwo).Create("pump"), samples);

        Assert.True(PeakAfter(400, scores) < 0.9, $"peak {PeakAfter(400, scores):0.000}");
        Assert.True(PeakAfter(400, versionTwo) >= 0.9, $"version 2 peak {PeakAfter(400, versionTwo):0.000}");
    }

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public void TheSameRampOnOneChannelAlone_StillAlarms(int seed)
    {
        var samples = Ramp(seed, new HashSet<string> { "temperature_c" }, rampSigmas: 12);

        var scores = Scoring.Run(Scoring.Factory().Create("pump"), samples);

        Assert.True(PeakAfter(400, scores) >= 0.9, $"peak {PeakAfter(400, scores):0.000}");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(62)]
    public void ACompressorCyclingFromItsFirstSample_KnowsItsRegimesWithinAnHourWithTheDefaults(int seed)
    {
        var samples = FreshStartRegimeTests.Compressor(new Series(seed), 360, from: 4000);
        var detector = Scoring.Factory().Create("compressor");

        Scoring.Run(detector, samples);

        Assert.Equal(0, FreshStartRegimeTests.Leader(detector));
    }
}
