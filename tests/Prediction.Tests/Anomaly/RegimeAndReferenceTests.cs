using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>The second detector's additions: operating regimes (load/unload) and the slow-drift term against a day-long reference.</summary>
public sealed class RegimeAndReferenceTests
{
    /// <summary>Idle 300 samples, then three loaded visits of ten samples each (with ten unloaded between) teach the regime.</summary>
    private const int KnownAfter = 360;

    /// <summary>
    /// Two levels (1 and 100, noise 1 and 3) in cycles whose duty changes every 2,000 samples, like day and night, after
    /// an idle first 300 samples (regimes are learned once the level has settled in one of them).
    /// </summary>
    private static double[] LoadUnload(Series series, int length)
    {
        var values = new double[length];
        var loaded = false;
        var left = 300;
        for (var i = 0; i < length; i++)
        {
            if (left-- <= 0)
            {
                loaded = !loaded;
                var night = i / 2000 % 2 == 1;
                left = loaded ? (night ? 4 : 10) : (night ? 25 : 10);
            }

            values[i] = loaded ? 100 + 3 * series.Gaussian() : 1 + series.Gaussian();
        }

        return values;
    }

    [Fact]
    public void LoadUnloadCycles_WithChangingDuty_RaiseNoAlarmOnceTheRegimesAreKnown()
    {
        var values = LoadUnload(new Series(50), 8000);

        var scores = Scoring.Run(values);

        // The first three loaded visits (samples 300–360) are still departures; from the fourth on they are switches.
        Assert.Equal(0, Scoring.Alarms(scores, 0.9, from: KnownAfter));
    }

    [Fact]
    public void LoadUnloadCycles_WithoutRegimes_Alarm()
    {
        var values = LoadUnload(new Series(50), 8000);

        var scores = Scoring.Run(values, new AnomalyDetectorOptions { OperatingRegimes = false });

        Assert.True(Scoring.Alarms(scores, 0.9, from: KnownAfter) > 10);
    }

    [Fact]
    public void AJumpToANewThirdLevel_OfACyclingChannel_StillAlarms()
    {
        var values = LoadUnload(new Series(51), 3000);
        for (var i = 2500; i < 2520; i++)
        {
            values[i] = 160 + 3 * new Series(i).Gaussian();
        }

        var scores = Scoring.Run(values);

        Assert.Equal(0, Scoring.Alarms(scores, 0.9, from: KnownAfter, to: 2500));
        Assert.True(scores[2500..2520].Count(s => s >= 0.9) >= 5, string.Join(", ", scores[2500..2520].Select(s => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void AppendingFutureRows_NeverChangesEarlierScores_WithRegimesAndTheReference()
    {
        // 10-second samples: 9,000 of them span 25 hours, so the day-long reference term is live at the end.
        var series = new Series(52);
        var values = LoadUnload(series, 9000);
        var detector = Scoring.Factory();

        var prefix = Scoring.Run(detector.Create("compressor"), values[..8800]);
        var full = Scoring.Run(detector.Create("compressor"), values);

        Assert.Equal(prefix, full[..8800]);
    }

    [Fact]
    public void SlowDriftOfAFlatChannel_AfterADayOfHistory_AlarmsLongBeforeTheLevelTermsWould()
    {
        // A day and a half at 10 s; from 9,000 on the level creeps up quadratically to +5 σ (how machine faults grow).
        var values = new Series(53).Noise(13_000, level: 5, sigma: 0.1);
        for (var i = 9000; i < values.Length; i++)
        {
            values[i] += 0.1 * 5 * Math.Pow((i - 9000) / 4000.0, 2);
        }

        var v2 = Scoring.Run(values);
        var v1 = Scoring.Run(values, new AnomalyDetectorOptions { ReferenceMemoryHours = 0, OperatingRegimes = false });

        Assert.Equal(0, Scoring.Alarms(v2, 0.9, to: 9000));
        var first = Array.FindIndex(v2, 9000, s => s >= 0.9);
        Assert.InRange(first, 9001, 12_999);
        var firstV1 = Array.FindIndex(v1, 9000, s => s >= 0.9);
        Assert.True(firstV1 < 0 || firstV1 > first, $"the first detector alarmed at {firstV1}, the second at {first}");
    }
}
