using WorkOrders.Prediction.Anomaly;
using WorkOrders.Simulators;

namespace WorkOrders.Prediction.Tests.Simulated;

/// <summary>
/// One simulated device (id <c>dev-01</c>) stepped offline through a detector and the episode tracker, as its grain would:
/// the opened episodes, the scores, and the fault's ground truth.
/// </summary>
internal sealed record SingleDeviceRun(IReadOnlyList<DateTimeOffset> Opened, IReadOnlyList<string?> Explanations, IReadOnlyList<double> Scores, IReadOnlyList<FaultLabel> Labels)
{
    public const string DeviceId = "dev-01";
    public static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    public static Scenario Scenario(string assetType, int seed, double days, params FaultSpec[] faults) => new()
    {
        Name = "single",
        Seed = seed,
        Start = Monday,
        PublishIntervalSeconds = 10,
        DurationSeconds = days * 86_400,
        Sites = [new SiteSpec("site", 50, 10)],
        Fleet = [new FleetGroupSpec(assetType, "site", 1, IdPrefix: "dev")],
        Faults = faults,
    };

    public static SingleDeviceRun Replay(Scenario scenario, AnomalyDetectorOptions? options = null)
    {
        options ??= new AnomalyDetectorOptions();
        var fleet = new FleetModel(scenario);
        var detector = new AnomalyDetectorFactory(options).Create(fleet.Devices[0].AssetType);
        var episode = EpisodeState.Initial;
        var opened = new List<DateTimeOffset>();
        var explanations = new List<string?>();
        var scores = new List<double>();
        while (!fleet.IsFinished)
        {
            foreach (var (_, sample) in fleet.Step())
            {
                var at = sample.Ts ?? fleet.Now;
                var score = detector.Score(at, sample.Readings ?? new Dictionary<string, double>());
                scores.Add(score.Score);
                (episode, var change) = EpisodeTracker.Observe(episode, at, score, options);
                if (change == EpisodeChange.Opened)
                {
                    opened.Add(at);
                    explanations.Add(episode.Explanation);
                }
            }
        }

        return new SingleDeviceRun(opened, explanations, scores, fleet.Labels);
    }
}
