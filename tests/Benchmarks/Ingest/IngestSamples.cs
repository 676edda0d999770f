using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Ingest;

/// <summary>Realistic telemetry for the ingest benchmarks: healthy pumps from the simulator's physics (nine readings each).</summary>
internal static class IngestSamples
{
    /// <summary><paramref name="steps"/> samples of each of <paramref name="devices"/> pumps, ten seconds apart, ending a minute ago.</summary>
    public static IReadOnlyList<(string DeviceId, TelemetrySampleMessage Sample)> Pumps(int devices, int steps)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-1).AddSeconds(-10 * steps);
        var scenario = new Scenario
        {
            Name = "ingest-bench",
            Start = start,
            Sites = [new SiteSpec("bench-site", 53.55, 9.99)],
            Fleet = [new FleetGroupSpec("pump", "bench-site", devices, "bench-pump")],
            Sensors = new SensorSpec(DropoutProbability: 0),
        };
        var model = new FleetModel(scenario);
        var samples = new List<(string, TelemetrySampleMessage)>(devices * steps);
        for (var step = 0; step < steps; step++)
        {
            samples.AddRange(model.Step());
        }

        return samples;
    }
}
