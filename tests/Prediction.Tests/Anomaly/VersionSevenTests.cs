using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// Detector version 7 (the defaults until version 9; pinned here with <c>AmbientDailyCycle</c> off): the temperature a machine's recent load explains (<c>LoadConditionedTemperature</c>)
/// and a floor under the cross-channel term's residual energy (<c>CrossChannelEnergyFloor</c>). The quality benchmark
/// caught 0–2 of 6 overheating faults with version 6: a blocked cooler adds a third to the temperature's rise, well
/// inside the daily swing that the load and ambient give it (docs/prediction.md, "Version 7").
/// </summary>
public sealed class VersionSevenTests
{
    private const int Day = LoadedMachine.Day;

    private static readonly AnomalyDetectorOptions VersionSeven = new() { AmbientDailyCycle = false };

    private static readonly AnomalyDetectorOptions VersionSix = VersionSeven with { LoadConditionedTemperature = false, FollowWithoutLeader = false };

    /// <summary>From 08:00 on the third day the cooler clogs: the rise grows by half within six hours and stays there.</summary>
    private static double BlockedFromThirdDay(int i) => 1 + (0.5 * Math.Clamp((i - ((2 * Day) + (Day / 3))) / (Day / 4.0), 0, 1));

    /// <summary>Episodes opened from <paramref name="from"/> on, through the episode tracker as a device grain runs it, with the first one's explanation.</summary>
    private static (int Opened, string? First) Episodes(AnomalyDetectorOptions options, IReadOnlyList<IReadOnlyDictionary<string, double>> samples, int from)
    {
        var detector = Scoring.Factory(options).Create("pump");
        var episode = EpisodeState.Initial;
        var opened = 0;
        string? first = null;
        for (var i = 0; i < samples.Count; i++)
        {
            (episode, var change) = EpisodeTracker.Observe(episode, Series.At(i), detector.Score(Series.At(i), samples[i]), options);
            if (change == EpisodeChange.Opened && i >= from)
            {
                opened++;
                first ??= $"sample {i}: {episode.Explanation}";
            }
        }

        return (opened, first);
    }

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public void ABlockedCoolerAtTheUsualLoad_OpensAnEpisodeOnTheTemperature_WhichVersionSixMisses(int seed)
    {
        var samples = new LoadedMachine { CoolingFactor = BlockedFromThirdDay }.Generate(new Series(seed), 3 * Day);
        var faultFrom = (2 * Day) + (Day / 3);

        var (versionSeven, first) = Episodes(VersionSeven, samples, faultFrom);
        var (versionSix, _) = Episodes(VersionSix, samples, faultFrom);

        Assert.True(versionSeven > 0, "version 7 opened no episode on the blocked cooler");
        Assert.Contains("temperature_c", first, StringComparison.Ordinal);
        Assert.Equal(0, versionSix);
    }

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public void TheSameRiseExplainedByMoreLoad_OpensNoEpisode(int seed)
    {
        // The night before the third day runs as busy as the day shift (21:00–07:00): the current stays within its
        // usual daytime range instead of falling, and the temperature stays up with it.
        var busyNight = new LoadedMachine
        {
            Demand = i => i >= (2 * Day) - (Day / 8) && i < (2 * Day) + (7 * Day / 24) ? 0.85 : LoadedMachine.ShiftDemand(i),
        };
        var samples = busyNight.Generate(new Series(seed), 3 * Day);

        var (opened, first) = Episodes(VersionSeven, samples, (2 * Day) - (Day / 8));

        Assert.True(opened == 0, $"an episode opened: {first}");
    }

    [Theory]
    [InlineData(85)]
    [InlineData(86)]
    public void ATemperatureSensorStuckAtNight_IsCaughtWhenTheMorningLoadDoesNotWarmIt_WhichVersionSixMisses(int seed)
    {
        // From 03:00 on the third day the sensor repeats its last reading (the benchmark's stuck sensor); the shift
        // starts at 06:00 and the machine warms by some 15 °C, the reading does not.
        var stuckFrom = (2 * Day) + (Day / 8);
        var samples = new LoadedMachine().Generate(new Series(seed), (2 * Day) + (Day / 2));
        var stuck = samples[stuckFrom - 1]["temperature_c"];
        for (var i = stuckFrom; i < samples.Length; i++)
        {
            samples[i] = new Dictionary<string, double>(samples[i]) { ["temperature_c"] = stuck };
        }

        var (versionSeven, first) = Episodes(VersionSeven, samples, stuckFrom);
        var (versionSix, _) = Episodes(VersionSix, samples, stuckFrom);

        Assert.True(versionSeven > 0, "version 7 opened no episode on the stuck sensor");
        Assert.Contains("temperature_c", first, StringComparison.Ordinal);
        Assert.Equal(0, versionSix);
    }

    [Fact]
    public void AHealthyMachine_OpensNoEpisodeOverThreeDays_OnceItsFirstHoursAreBehindIt()
    {
        var samples = new LoadedMachine().Generate(new Series(83), 3 * Day);

        var (opened, first) = Episodes(VersionSeven, samples, Day / 12);

        Assert.True(opened == 0, $"an episode opened: {first}");
    }

    [Fact]
    public void TheRelationToTheLoad_SurvivesExportAndRestore()
    {
        var samples = new LoadedMachine { CoolingFactor = BlockedFromThirdDay }.Generate(new Series(84), 3 * Day);
        var factory = Scoring.Factory(VersionSeven);
        var run = Scoring.ScoreAfterRestore(factory, "pump", samples, split: (2 * Day) + (Day / 2), count: 600);

        Assert.Contains("\"tl\"", run.State, StringComparison.Ordinal);
        run.AssertCarriedOnExactly();
    }

    [Fact]
    public void TheCrossChannelTerm_DoesNotScoreAnOrdinarySampleAtMillionsOfSigmas_AfterItsChannelsSatInItsSubspace()
    {
        // Five channels, of which only the two in the learned subspace moved for a long time (a fan at night, its other,
        // quantised channels sitting still): the energy off the subspace was learned as almost nothing.
        var subspace = new CrossChannelSubspace(5, 2, [1, 0, 0, 0, 0, 0, 1, 0, 0, 0], 1e-9, 1000);
        var ordinary = new double[] { 0.5, -0.5, 1, -1, 0.8 };
        var residual = new double[5];

        var withoutFloor = subspace.Evaluate(ordinary, residual, energyFloor: 0);
        var withFloor = subspace.Evaluate(ordinary, residual, energyFloor: 0.25);

        Assert.True(withoutFloor > 1000, $"without the floor: {withoutFloor:F1} σ (the cause no longer shows)");
        Assert.InRange(withFloor, 0, 4);
    }
}
