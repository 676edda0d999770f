using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// Detector version 9 (<c>AmbientDailyCycle</c>, the default since 26 Nov 2026, late afternoon): the load-conditioned temperature also
/// explains the time of day. Version 7's residual keeps the unmeasured ambient's daily swing (±4 °C here), so a cooler
/// that clogs at night, where the load is low and the extra rise a few degrees, stays inside its spread
/// (docs/prediction.md, "Version 9").
/// </summary>
public sealed class VersionNineTests
{
    private const int Day = LoadedMachine.Day;

    private static readonly AnomalyDetectorOptions VersionSeven = new() { AmbientDailyCycle = false };

    private static readonly AnomalyDetectorOptions VersionNine = VersionSeven with { AmbientDailyCycle = true };

    /// <summary>22:00 on the fourth day: the night shift's low load from then until 06:00.</summary>
    private const int NightFrom = (3 * Day) + (22 * Day / 24);

    private const int MorningShift = (4 * Day) + (6 * Day / 24);

    /// <summary>From 22:00 on the fourth day the cooler clogs: the rise grows by half within three hours and stays there.</summary>
    private static double BlockedAtNight(int i) => 1 + (0.5 * Math.Clamp((i - NightFrom) / (Day / 8.0), 0, 1));

    /// <summary>Weather like the simulators': slow swings over 3.7 and 1.3 days on top of the daily cycle.</summary>
    private static double Weather(int i) =>
        (2.5 * Math.Sin(2 * Math.PI * i / (3.7 * Day))) + (1.2 * Math.Sin((2 * Math.PI * i / (1.3 * Day)) + 1));

    /// <summary>The explanations of the episodes opened in [from, to), through the episode tracker as a device grain runs it.</summary>
    private static List<string> Episodes(AnomalyDetectorOptions options, IReadOnlyList<IReadOnlyDictionary<string, double>> samples, int from, int to)
    {
        var detector = Scoring.Factory(options).Create("pump");
        var episode = EpisodeState.Initial;
        var opened = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            (episode, var change) = EpisodeTracker.Observe(episode, Series.At(i), detector.Score(Series.At(i), samples[i]), options);
            if (change == EpisodeChange.Opened && i >= from && i < to)
            {
                opened.Add($"sample {i}: {episode.Explanation}");
            }
        }

        return opened;
    }

    [Theory]
    [InlineData(91)]
    [InlineData(92)]
    public void ACoolerThatClogsAtNight_OpensAnEpisodeOnTheTemperatureBeforeTheMorningShift_WhichVersionSevenMisses(int seed)
    {
        var samples = new LoadedMachine { CoolingFactor = BlockedAtNight, Weather = Weather }.Generate(new Series(seed), MorningShift);

        var versionNine = Episodes(VersionNine, samples, NightFrom, MorningShift);
        var versionSeven = Episodes(VersionSeven, samples, NightFrom, MorningShift);

        Assert.True(versionNine.Count > 0, "version 9 opened no episode on the cooler clogging at night");
        Assert.Contains("temperature_c", versionNine[0], StringComparison.Ordinal);
        Assert.True(versionSeven.Count == 0, $"version 7 opened an episode: {versionSeven.FirstOrDefault()} (the gap no longer shows in this data)");
    }

    [Theory]
    [InlineData(93)]
    [InlineData(94)]
    public void AHealthyMachine_OpensNoEpisode_ThroughFiveDaysOfAmbientSwingWeatherAndLoadChanges(int seed)
    {
        // The third day is a weekend (the night load all day), the fourth night runs as busy as a day shift (21:00–07:00,
        // so the load stays where the day shift left it).
        var machine = new LoadedMachine
        {
            Weather = Weather,
            Demand = i => i / Day == 2 ? 0.4 : i >= (3 * Day) + (21 * Day / 24) && i < (4 * Day) + (7 * Day / 24) ? 0.85 : LoadedMachine.ShiftDemand(i),
        };
        var samples = machine.Generate(new Series(seed), 5 * Day);

        var opened = Episodes(VersionNine, samples, Day / 12, samples.Length);

        Assert.True(opened.Count == 0, $"an episode opened: {opened.FirstOrDefault()}");
    }

    [Fact]
    public void TheDailyCycle_SurvivesExportAndRestore()
    {
        var samples = new LoadedMachine { CoolingFactor = BlockedAtNight, Weather = Weather }.Generate(new Series(95), MorningShift);
        var factory = Scoring.Factory(VersionNine);
        var run = Scoring.ScoreAfterRestore(factory, "pump", samples, split: NightFrom - (Day / 24), count: 1200);

        Assert.Contains("\"dc\"", run.State, StringComparison.Ordinal);
        run.AssertCarriedOnExactly();
    }

    [Fact]
    public void AVersionSevenState_RestoresWithTheDailyCycleOn_AndScoresAsVersionSevenUntilTheCycleIsLearned()
    {
        var samples = new LoadedMachine { Weather = Weather }.Generate(new Series(96), 2 * Day);
        var versionSeven = Scoring.Factory(VersionSeven).Create("pump");
        for (var i = 0; i < Day + (Day / 2); i++)
        {
            versionSeven.Score(Series.At(i), samples[i]);
        }

        var state = versionSeven.ExportState();
        var restored = Scoring.Factory(VersionNine).Create("pump", state);
        var first = restored.Score(Series.At(Day + (Day / 2)), samples[Day + (Day / 2)]).Score;
        var expected = versionSeven.Score(Series.At(Day + (Day / 2)), samples[Day + (Day / 2)]).Score;

        Assert.DoesNotContain("\"dc\"", state, StringComparison.Ordinal);
        Assert.Equal(expected, first, 9);
        Assert.Contains("\"dc\"", restored.ExportState(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppendingFutureRows_NeverChangesEarlierScores_WithTheDailyCycle()
    {
        var samples = new LoadedMachine { CoolingFactor = BlockedAtNight, Weather = Weather }.Generate(new Series(97), MorningShift);
        var cut = NightFrom + (Day / 12);

        var prefix = Scoring.Run(Scoring.Factory(VersionNine).Create("pump"), samples.Take(cut).ToArray());
        var whole = Scoring.Run(Scoring.Factory(VersionNine).Create("pump"), samples);

        Assert.Contains(whole.Take(cut), s => s > 0);
        Assert.Equal(prefix, whole.Take(cut).ToArray());
    }

    [Fact]
    public void TheDailyCycle_WithoutTheLoadConditionedTemperature_ChangesNoScore()
    {
        var samples = new LoadedMachine { Weather = Weather }.Generate(new Series(98), 2 * Day);
        var versionSix = VersionSeven with { LoadConditionedTemperature = false };

        var without = Scoring.Run(Scoring.Factory(versionSix).Create("pump"), samples);
        var with = Scoring.Run(Scoring.Factory(versionSix with { AmbientDailyCycle = true }).Create("pump"), samples);

        Assert.Contains(with, s => s > 0);
        Assert.Equal(without, with);
    }

    [Fact]
    public void TheDefaults_AreVersionNine()
    {
        Assert.True(new AnomalyDetectorOptions().AmbientDailyCycle);
    }
}
