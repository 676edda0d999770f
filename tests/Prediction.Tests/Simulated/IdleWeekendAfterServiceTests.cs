using WorkOrders.Prediction.Anomaly;
using WorkOrders.Simulators;

namespace WorkOrders.Prediction.Tests.Simulated;

/// <summary>
/// Detector version 5 (<see cref="AnomalyDetectorOptions.ReferencePerRegime"/>): a healthy compressor serviced
/// (re-baselined) on a Saturday morning runs a mostly idle Sunday. With one slow-drift reference per channel (version 4)
/// the reference, live again a day after the re-baseline, had learned a day of mostly unloaded time, so the Sunday's
/// loaded spells alarmed (the quality benchmark's seed 1: 165 false alarms on one compressor on one Sunday).
/// </summary>
public sealed class IdleWeekendAfterServiceTests
{
    private const double Day = 86_400;

    private static readonly AnomalyDetectorOptions VersionFour = new() { ReferencePerRegime = false };

    /// <summary>Monday to Monday; serviced (maintenance in the simulator, a re-baseline of the detector) on Saturday at 08:00.</summary>
    private static (List<DateTimeOffset> Opened, List<string?> Explanations) Replay(int seed, AnomalyDetectorOptions options)
    {
        var serviceAt = (5 * Day) + (8 * 3600);
        var scenario = SingleDeviceRun.Scenario(AssetTypes.Compressor, seed, days: 7);
        scenario = new Scenario
        {
            Name = scenario.Name,
            Seed = scenario.Seed,
            Start = scenario.Start,
            PublishIntervalSeconds = scenario.PublishIntervalSeconds,
            DurationSeconds = scenario.DurationSeconds,
            Sites = scenario.Sites,
            Fleet = scenario.Fleet,
            Maintenance = [new MaintenanceSpec(SingleDeviceRun.DeviceId, serviceAt)],
        };
        var fleet = new FleetModel(scenario);
        var detector = new AnomalyDetectorFactory(options).Create(AssetTypes.Compressor);
        var rebaselined = false;
        var episode = EpisodeState.Initial;
        var opened = new List<DateTimeOffset>();
        var explanations = new List<string?>();
        while (!fleet.IsFinished)
        {
            foreach (var (_, sample) in fleet.Step())
            {
                var at = sample.Ts ?? fleet.Now;
                if (!rebaselined && at >= SingleDeviceRun.Monday.AddSeconds(serviceAt))
                {
                    detector.Rebaseline();
                    rebaselined = true;
                }

                var score = detector.Score(at, sample.Readings ?? new Dictionary<string, double>());
                (episode, var change) = EpisodeTracker.Observe(episode, at, score, options);
                if (change == EpisodeChange.Opened)
                {
                    opened.Add(at);
                    explanations.Add(episode.Explanation);
                }
            }
        }

        return (opened, explanations);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    public void AServicedCompressorsIdleSunday_OpensNoEpisode_WhereVersionFourDid(int seed)
    {
        var sunday = SingleDeviceRun.Monday.AddDays(6);

        var (opened, explanations) = Replay(seed, new AnomalyDetectorOptions());
        var (openedByFour, _) = Replay(seed, VersionFour);

        var onSunday = opened.Where(at => at >= sunday).ToList();
        Assert.True(onSunday.Count == 0, $"{onSunday.Count} episode(s) on Sunday, first at {onSunday.FirstOrDefault():MM-dd HH:mm}: {explanations[opened.IndexOf(onSunday.FirstOrDefault())]}");
        Assert.True(openedByFour.Count(at => at >= sunday) > 0, $"seed {seed}: version 4 was quiet on Sunday too, so this seed does not show the cause");
    }
}
