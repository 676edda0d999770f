using WorkOrders.Prediction.Anomaly;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>
/// Steps a simulated fleet in-process (no MQTT) and feeds every sample to one detector per device and version, then
/// through <see cref="EpisodeTracker"/> with the version's options — exactly what a device grain does with each sample.
/// Scheduled maintenance re-baselines the device's detectors (what a technician's <c>POST …/rebaseline</c> does).
/// </summary>
internal static class FleetReplay
{
    public static FleetOutcome Run(string name, Scenario scenario, IReadOnlyList<DetectorVersion> versions, CancellationToken cancellationToken, SampleTrace? trace = null)
    {
        var fleet = new FleetModel(scenario);
        var steps = (long)Math.Round((scenario.DurationSeconds ?? 86_400) / scenario.PublishIntervalSeconds);
        var runs = versions.Select(v => new VersionRun(v, fleet.Devices)).ToArray();
        var maintenance = scenario.Maintenance
            .Select(m => (m.Device, At: scenario.Start + TimeSpan.FromSeconds(m.AtSeconds)))
            .OrderBy(m => m.At)
            .ToList();
        var nextMaintenance = 0;

        for (var step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var samples = fleet.Step();
            while (nextMaintenance < maintenance.Count && maintenance[nextMaintenance].At <= fleet.Now)
            {
                foreach (var run in runs)
                {
                    run.Detectors[maintenance[nextMaintenance].Device].Rebaseline();
                }

                nextMaintenance++;
            }

            foreach (var (deviceId, sample) in samples)
            {
                var at = sample.Ts ?? fleet.Now;
                var readings = sample.Readings ?? new Dictionary<string, double>();
                foreach (var run in runs)
                {
                    var score = run.Observe(deviceId, at, readings);
                    if (trace is not null && ReferenceEquals(run, runs[0]) && trace.Follows(deviceId))
                    {
                        trace.Write(at, readings, score);
                    }
                }
            }
        }

        return new FleetOutcome(
            name,
            fleet.Devices,
            fleet.Labels,
            scenario.Start,
            fleet.Now,
            runs.ToDictionary(r => r.Version.Name, r => (IReadOnlyDictionary<string, List<EpisodeSpan>>)r.Episodes));
    }

    private sealed class VersionRun
    {
        private readonly Dictionary<string, EpisodeState> states;

        public VersionRun(DetectorVersion version, IReadOnlyList<SimulatedDevice> devices)
        {
            Version = version;
            var factory = version.CreateFactory();
            Detectors = devices.ToDictionary(d => d.DeviceId, d => factory.Create(d.AssetType));
            states = devices.ToDictionary(d => d.DeviceId, _ => EpisodeState.Initial);
            Episodes = devices.ToDictionary(d => d.DeviceId, _ => new List<EpisodeSpan>());
        }

        public DetectorVersion Version { get; }

        public Dictionary<string, IAnomalyDetector> Detectors { get; }

        public Dictionary<string, List<EpisodeSpan>> Episodes { get; }

        public AnomalyScore Observe(string deviceId, DateTimeOffset at, IReadOnlyDictionary<string, double> readings)
        {
            var score = Detectors[deviceId].Score(at, readings);
            var (next, change) = EpisodeTracker.Observe(states[deviceId], at, score, Version.Options);
            states[deviceId] = next;
            var list = Episodes[deviceId];
            if (change == EpisodeChange.Opened)
            {
                list.Add(new EpisodeSpan(at, null, next.Explanation));
            }
            else if (change == EpisodeChange.Closed)
            {
                list[^1] = list[^1] with { ClosedAt = at };
            }

            return score;
        }
    }
}
