using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

public sealed class StreamingAnomalyDetectorTests
{
    [Fact]
    public void AppendingFutureRows_NeverChangesEarlierScores()
    {
        var values = new Series(1).Noise(600);
        values[400] += 9;

        var prefix = Scoring.Run(values[..300]);
        var full = Scoring.Run(values);

        Assert.Equal(prefix, full[..300]);
    }

    [Fact]
    public void SameInput_GivesIdenticalScores()
    {
        var values = new Series(2).Noise(500);

        var first = Scoring.Run(values);
        var second = Scoring.Run(values);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ReportsWarmingUp_ForTheConfiguredNumberOfSamples()
    {
        var detector = Scoring.Factory(new AnomalyDetectorOptions { WarmupSamples = 20 }).Create("pump");
        var values = new Series(3).Noise(25);

        var scores = values.Select((v, i) => detector.Score(Series.At(i), Series.One(v))).ToArray();

        Assert.All(scores[..20], s => Assert.True(s.WarmingUp && s.Score == 0));
        Assert.All(scores[20..], s => Assert.False(s.WarmingUp));
    }

    [Fact]
    public void CleanNoise_RaisesAtMostOneAlarmInTenThousandSamples()
    {
        var values = new Series(4).Noise(10_000);

        var scores = Scoring.Run(values);

        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.True(Scoring.Alarms(scores, 0.9) <= 1, $"{Scoring.Alarms(scores, 0.9)} alarms on clean noise");
    }

    [Fact]
    public void InjectedSpike_ScoresAboveOpenThreshold_AndNothingElseDoes()
    {
        var values = new Series(5).Noise(1000);
        values[700] += 8;

        var scores = Scoring.Run(values);

        Assert.True(scores[700] >= 0.9, $"spike scored {scores[700]:0.000}");
        Assert.Equal(0, Scoring.Alarms(scores, 0.9, to: 700));
        Assert.Equal(0, Scoring.Alarms(scores, 0.9, from: 705));
    }

    [Fact]
    public void InjectedStep_IsDetectedWithinFiveSamples_AndLaterBecomesTheNewNormal()
    {
        var values = new Series(6).Noise(1500);
        for (var i = 800; i < values.Length; i++)
        {
            values[i] += 5;
        }

        var scores = Scoring.Run(values);

        Assert.Equal(0, Scoring.Alarms(scores, 0.9, to: 800));
        Assert.Contains(scores[800..805], s => s >= 0.9);
        Assert.Equal(0, Scoring.Alarms(scores, 0.9, from: 1100));
    }

    [Fact]
    public void InjectedDrift_IsDetectedBeforeItReachesFiveSigma()
    {
        var values = new Series(7).Noise(1500);
        for (var i = 800; i < values.Length; i++)
        {
            values[i] += 0.05 * (i - 800);
        }

        var scores = Scoring.Run(values);

        Assert.Equal(0, Scoring.Alarms(scores, 0.9, to: 800));
        Assert.Contains(scores[800..900], s => s >= 0.9);
    }

    [Fact]
    public void NaNAndMissingReadings_AreGaps_NotAlarms()
    {
        var values = new Series(8).Noise(800);
        for (var i = 300; i < 340; i++)
        {
            values[i] = double.NaN;
        }

        var detector = Scoring.Factory().Create("pump");
        var scores = values.Select((v, i) => detector.Score(Series.At(i), i % 50 == 7 ? new Dictionary<string, double>() : Series.One(v))).ToArray();

        Assert.All(scores, s => Assert.InRange(s.Score, 0, 1));
        Assert.Equal(0, Scoring.Alarms([.. scores.Select(s => s.Score)], 0.9));
    }

    [Fact]
    public void ConstantSignal_ScoresZero()
    {
        var scores = Scoring.Run(Enumerable.Repeat(42.0, 500).ToArray());

        Assert.All(scores, s => Assert.Equal(0, s));
    }

    [Fact]
    public void LongTimestampGapsAndIrregularSampling_DoNotAlarmByThemselves()
    {
        var series = new Series(9);
        var values = series.Noise(1000);
        var detector = Scoring.Factory().Create("pump");
        var time = Series.Start;

        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            time += i % 97 == 0 ? TimeSpan.FromHours(6) : TimeSpan.FromSeconds(5 + 10 * Math.Abs(series.Gaussian()));
            scores[i] = detector.Score(time, Series.One(values[i])).Score;
        }

        Assert.Equal(0, Scoring.Alarms(scores, 0.9));
    }

    [Fact]
    public void SlowSeasonalDrift_DoesNotAlarm()
    {
        var values = new Series(10).Noise(6000);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += 6 * Math.Sin(2 * Math.PI * i / 1440.0);
        }

        var scores = Scoring.Run(values);

        Assert.Equal(0, Scoring.Alarms(scores, 0.9));
    }

    [Fact]
    public void Rebaseline_AfterMaintenance_RelearnsTheNewLevelWithoutAlarming()
    {
        var series = new Series(11);
        var before = series.Noise(500, level: 20);
        var after = series.Noise(500, level: 35);
        var detector = Scoring.Factory().Create("pump");
        Scoring.Run(detector, before);

        detector.Rebaseline();
        var scores = Scoring.Run(detector, after, startIndex: before.Length);

        Assert.Equal(0, Scoring.Alarms(scores, 0.9));
        Assert.True(scores.Take(100).Max() < 0.6, $"peak {scores.Take(100).Max():0.000} right after the re-baseline");
    }

    [Fact]
    public void ExportedState_RestoresADetectorThatScoresIdentically()
    {
        var values = new Series(12).Noise(900);
        values[700] += 10;
        var factory = Scoring.Factory();
        var original = factory.Create("pump");
        Scoring.Run(original, values[..400]);

        var restored = factory.Create("pump", original.ExportState());
        var expected = Scoring.Run(original, values[400..], startIndex: 400);
        var actual = Scoring.Run(restored, values[400..], startIndex: 400);

        Assert.Equal(expected, actual);
        Assert.Equal(original.ExportState(), restored.ExportState());
    }

    [Fact]
    public void ExportedState_OfATenChannelDevice_IsCompact()
    {
        var series = new Series(13);
        var detector = Scoring.Factory().Create("pump");
        for (var i = 0; i < 300; i++)
        {
            detector.Score(Series.At(i), Enumerable.Range(0, 10).ToDictionary(c => $"ch{c}", _ => 5 + series.Gaussian()));
        }

        var state = detector.ExportState();

        Assert.InRange(state.Length, 100, 4096);
    }

    [Fact]
    public void ExtremeReadings_KeepScoresInTheUnitInterval_AndTheStateExportable()
    {
        double[] values = [.. new Series(15).Noise(200), 1e308, -1e308, 1e-300, 5e307, 20, 21, 19, 20];
        var factory = Scoring.Factory();
        var detector = factory.Create("pump");

        var scores = Scoring.Run(detector, values);
        var restored = factory.Create("pump", detector.ExportState());

        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.InRange(restored.Score(Series.At(values.Length), Series.One(20)).Score, 0, 1);
    }

    [Fact]
    public void CorruptExportedState_IsRejectedWithAClearMessage()
    {
        var factory = Scoring.Factory();

        var error = Assert.Throws<ArgumentException>(() => factory.Create("pump", "{not json"));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_NamesTheDeviatingChannel_InRobustSigmas()
    {
        var series = new Series(14);
        var detector = Scoring.Factory().Create("pump");
        for (var i = 0; i < 400; i++)
        {
            detector.Score(Series.At(i), new Dictionary<string, double> { ["vibration"] = 2 + 0.1 * series.Gaussian(), ["current"] = 10 + series.Gaussian() });
        }

        var score = detector.Score(Series.At(400), new Dictionary<string, double> { ["vibration"] = 3.5, ["current"] = 10 });

        Assert.True(score.Score >= 0.9, score.Explain());
        Assert.Equal("vibration", score.Contributions[0].Channel);
        Assert.InRange(score.Contributions[0].Deviation, 8, 30);
        Assert.Contains("vibration", score.Explain(), StringComparison.Ordinal);
    }
}
