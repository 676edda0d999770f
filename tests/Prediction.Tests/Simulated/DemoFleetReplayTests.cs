using WorkOrders.Prediction.Anomaly;
using WorkOrders.Simulators;
using Xunit.Abstractions;

namespace WorkOrders.Prediction.Tests.Simulated;

/// <summary>
/// Replays the platform's <c>--demo</c> fleet offline (no MQTT, simulated time) through the grains' detector and
/// episode tracker with default options: healthy devices must never open an episode, faulty ones must open one
/// after their fault began and well before it fails.
/// </summary>
public sealed class DemoFleetReplayTests(ITestOutputHelper output)
{
    /// <summary>The end-to-end demo wants a predictive order within ~2 real minutes = ~120 simulated minutes.</summary>
    private static readonly TimeSpan DemoDeadline = TimeSpan.FromMinutes(100);

    [Fact]
    public void DemoFleet_NoHealthyDeviceOpensAnEpisode_AndAFaultyOneDoesBeforeTheDemoDeadline()
    {
        var fleet = new FleetModel(BuiltInScenarios.Demo);
        var opened = Replay(fleet, steps: 720); // two simulated hours
        var faulty = fleet.Labels.ToDictionary(l => l.DeviceId);
        Report(fleet, opened, faulty);

        foreach (var device in fleet.Devices.Where(d => !faulty.ContainsKey(d.DeviceId)))
        {
            Assert.True(opened[device.DeviceId].Count == 0,
                $"healthy {device.DeviceId} opened: {string.Join(" | ", opened[device.DeviceId])}");
        }

        foreach (var label in fleet.Labels)
        {
            // Whatever a faulty device opens must be about its fault: after it began and before it failed.
            Assert.All(opened[label.DeviceId], e => Assert.True(e.At > label.BeganAt && e.At < label.FailedAt, $"{label.DeviceId}: {e}"));
        }

        // What the end-to-end demo needs: a predictive order for one of the faulty devices in time.
        var firsts = fleet.Labels
            .Select(l => opened[l.DeviceId].FirstOrDefault())
            .OfType<Opened>()
            .ToList();
        Assert.Contains(firsts, e => e.At <= fleet.Scenario.Start + DemoDeadline);
    }

    [Theory]
    [InlineData(20250106)]
    [InlineData(7)]
    public void HealthyFleet_OverSixSimulatedHours_OpensNoEpisode(int seed) => AssertQuiet(seed, steps: 2160);

    /// <summary>
    /// A fleet that starts learning at any hour stays quiet for two simulated hours: at 21:00 the day shift ends within
    /// the first hour, and the load change that moves every channel of a machine together is no anomaly.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(21)]
    public void HealthyFleet_StartedAtAnyHour_OpensNoEpisodeInTwoSimulatedHours(int hour) =>
        AssertQuiet(BuiltInScenarios.Demo.Seed, steps: 720, BuiltInScenarios.Demo.Start.Date.AddHours(hour));

    private void AssertQuiet(int seed, int steps, DateTimeOffset? start = null)
    {
        var scenario = BuiltInScenarios.Demo with { Seed = seed, Faults = [], Maintenance = [] };
        var fleet = new FleetModel(start is { } at ? scenario with { Start = at } : scenario);
        var opened = Replay(fleet, steps);
        Report(fleet, opened, new Dictionary<string, FaultLabel>());

        var all = opened.SelectMany(kv => kv.Value.Select(e => $"{kv.Key} {e}")).ToList();
        Assert.True(all.Count == 0, $"{all.Count} episodes on healthy devices: {string.Join(" | ", all.Take(10))}");
    }

    private static Dictionary<string, List<Opened>> Replay(FleetModel fleet, int steps)
    {
        var options = new AnomalyDetectorOptions();
        var factory = new AnomalyDetectorFactory(options);
        var detectors = fleet.Devices.ToDictionary(d => d.DeviceId, d => factory.Create(d.AssetType));
        var episodes = fleet.Devices.ToDictionary(d => d.DeviceId, _ => EpisodeState.Initial);
        var opened = fleet.Devices.ToDictionary(d => d.DeviceId, _ => new List<Opened>());
        for (var step = 0; step < steps; step++)
        {
            foreach (var (deviceId, sample) in fleet.Step())
            {
                var at = sample.Ts ?? fleet.Now;
                var score = detectors[deviceId].Score(at, sample.Readings ?? new Dictionary<string, double>());
                var (next, change) = EpisodeTracker.Observe(episodes[deviceId], at, score, options);
                episodes[deviceId] = next;
                if (change == EpisodeChange.Opened)
                {
                    opened[deviceId].Add(new Opened(at, next.Explanation));
                }
            }
        }

        return opened;
    }

    private void Report(FleetModel fleet, Dictionary<string, List<Opened>> opened, IReadOnlyDictionary<string, FaultLabel> faulty)
    {
        foreach (var device in fleet.Devices)
        {
            var list = opened[device.DeviceId];
            var label = faulty.TryGetValue(device.DeviceId, out var l)
                ? $" [{l.FaultKind}: detectable +{(l.DetectableAt - fleet.Scenario.Start).TotalMinutes:F0} min, fails +{(l.FailedAt - fleet.Scenario.Start).TotalMinutes:F0} min]"
                : string.Empty;
            output.WriteLine($"{device.DeviceId}{label}: {list.Count} episode(s)"
                + string.Concat(list.Take(3).Select(e => $"\n    +{(e.At - fleet.Scenario.Start).TotalMinutes:F1} min {e.Explanation}")));
        }
    }

    private sealed record Opened(DateTimeOffset At, string? Explanation)
    {
        public override string ToString() => $"{At:HH:mm:ss} {Explanation}";
    }
}
