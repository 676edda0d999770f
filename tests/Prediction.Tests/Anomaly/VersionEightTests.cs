using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// Experimental detector version 8 (off by default): a channel held at a limit (a fan at its drive's minimum speed all night) is in a
/// quiet spell, and the spreads that judge the level's movement keep the free movement's (<c>QuietSpellNoiseShare</c>).
/// On the quality benchmark the fans' night speeds were the largest share of false alarms with version 7: the night
/// taught the rpm a residual sigma of its sensor's noise alone, and the demand lifting it off the limit scored 8–25 σ
/// (docs/prediction.md, "Version 8").
/// </summary>
public sealed class VersionEightTests
{
    private const int Day = NightFan.Day;

    private static readonly AnomalyDetectorOptions VersionSeven = new() { QuietSpellNoiseShare = 0, AmbientDailyCycle = false };

    private static readonly AnomalyDetectorOptions VersionEight = VersionSeven with { QuietSpellNoiseShare = 0.5 };

    /// <summary>The explanations of the episodes opened from <paramref name="from"/> on, through the episode tracker as a device grain runs it.</summary>
    private static List<string> Episodes(AnomalyDetectorOptions options, IReadOnlyList<IReadOnlyDictionary<string, double>> samples, int from)
    {
        var detector = Scoring.Factory(options).Create("fan");
        var episode = EpisodeState.Initial;
        var opened = new List<string>();
        for (var i = 0; i < samples.Count; i++)
        {
            (episode, var change) = EpisodeTracker.Observe(episode, Series.At(i), detector.Score(Series.At(i), samples[i]), options);
            if (change == EpisodeChange.Opened && i >= from)
            {
                opened.Add($"sample {i}: {episode.Explanation}");
            }
        }

        return opened;
    }

    /// <summary>Whether the explanation's strongest channel (named first) is <paramref name="channel"/>.</summary>
    private static bool Strongest(string explanation, string channel) =>
        explanation.Contains($": {channel} ", StringComparison.Ordinal)
        && explanation.IndexOf($": {channel} ", StringComparison.Ordinal) == explanation.IndexOf(": ", explanation.IndexOf("score", StringComparison.Ordinal), StringComparison.Ordinal);

    [Theory]
    [InlineData(91)]
    [InlineData(92)]
    public void AFanHeldAtItsMinimumSpeedAllNight_OpensNoEpisodeOnItsSpeedWhenTheDemandLiftsIt_WhichVersionSevenDoes(int seed)
    {
        // Started at midday, so the fan has moved freely for half a day before its first night at the limit.
        var samples = new NightFan().Generate(new Series(seed), 3 * Day).Skip(Day / 2).ToArray();

        var versionEight = Episodes(VersionEight, samples, Day / 12).Where(e => Strongest(e, "rpm")).ToList();
        var versionSeven = Episodes(VersionSeven, samples, Day / 12).Where(e => Strongest(e, "rpm")).ToList();

        Assert.True(versionEight.Count == 0, $"an episode opened on the speed: {versionEight.FirstOrDefault()}");
        Assert.True(versionSeven.Count > 0, "version 7 opened no episode on the speed: the cause no longer shows in this data");
    }

    [Fact]
    public void TheQuietSpell_SurvivesExportAndRestore()
    {
        // Started at midday: its first night at the limit comes after half a day of free movement.
        var samples = new NightFan().Generate(new Series(95), 3 * Day).Skip(Day / 2).ToArray();
        var factory = Scoring.Factory(VersionEight);
        var original = factory.Create("fan");
        var split = 0;
        var state = string.Empty;
        for (; split < samples.Length - 1200 && !state.Contains("\"nq\":true", StringComparison.Ordinal); split++)
        {
            original.Score(Series.At(split), samples[split]);
            state = split % 60 == 0 ? original.ExportState() : state;
        }

        var run = Scoring.ScoreAfterRestore(factory, "fan", original, samples, split, 1200);

        Assert.Contains("\"nq\":true", run.State, StringComparison.Ordinal);
        run.AssertCarriedOnExactly();
    }

    [Fact]
    public void WithTheDefaults_TheExportedStateKeepsNoRecentNoise()
    {
        var samples = new NightFan().Generate(new Series(96), Day);
        var detector = Scoring.Factory().Create("fan");
        foreach (var (sample, i) in samples.Select((s, i) => (s, i)))
        {
            detector.Score(Series.At(i), sample);
        }

        var state = detector.ExportState();

        Assert.DoesNotContain("\"nz\"", state, StringComparison.Ordinal);
        Assert.DoesNotContain("\"nq\"", state, StringComparison.Ordinal);
    }

    [Fact]
    public void AChannelKeepsItsNoiseAndSpellFlag_InTheSizeVersionSevenHad()
    {
        // Version 7's declaration order left 8 bytes of padding (152 B); widest first, the new float and flag fit in it.
        Assert.Equal(152, System.Runtime.CompilerServices.Unsafe.SizeOf<ChannelBaseline>());
    }
}
