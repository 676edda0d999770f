using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Faults;
using WorkOrders.Simulators.Physics;

namespace WorkOrders.Simulators;

/// <summary>
/// Deterministic telemetry of a whole fleet: pure, no I/O, no clock. Each <see cref="Step"/> advances simulated time
/// by one publish interval and returns one sample per device, stamped with the new <see cref="Now"/>.
/// Same scenario and seed, same samples. Not thread-safe: one caller steps it.
/// </summary>
public sealed class FleetModel
{
    private readonly DeviceSimulation[] _devices;
    private long _steps;

    public FleetModel(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        Scenario = scenario;
        Now = scenario.Start;

        var sites = scenario.Sites.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var devices = new List<DeviceSimulation>();
        var labels = new List<FaultLabel>();
        foreach (var group in scenario.Fleet)
        {
            var site = sites[group.Site];
            foreach (var id in FleetNaming.DeviceIds(group))
            {
                var faults = scenario.Faults
                    .Where(f => f.Device == id)
                    .Select(f => new FaultTimeline(f, scenario.Start, scenario.PublishInterval, scenario.Maintenance.Where(m => m.Device == id)))
                    .ToList();
                labels.AddRange(faults.Select(f => f.ToLabel(id)));
                devices.Add(new DeviceSimulation(Place(scenario.Seed, id, group.AssetType, site), scenario, site, faults));
            }
        }

        _devices = [.. devices];
        Devices = [.. _devices.Select(d => d.Device)];
        Labels = [.. labels.OrderBy(l => l.BeganAt).ThenBy(l => l.DeviceId, StringComparer.Ordinal)];
    }

    public Scenario Scenario { get; }

    public IReadOnlyList<SimulatedDevice> Devices { get; }

    /// <summary>Ground truth for every fault of the scenario, ordered by when it began.</summary>
    public IReadOnlyList<FaultLabel> Labels { get; }

    /// <summary>Simulated time of the latest samples (the scenario's start before the first step).</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Number of steps taken so far.</summary>
    public long StepCount => _steps;

    /// <summary>True once <see cref="Now"/> has reached the end of the scenario's duration (never when it has none).</summary>
    public bool IsFinished => Scenario.DurationSeconds is { } d && (Now - Scenario.Start).TotalSeconds >= d;

    /// <summary>Advances one publish interval and returns one sample per device, in <see cref="Devices"/> order.</summary>
    public IEnumerable<(string DeviceId, TelemetrySampleMessage Sample)> Step()
    {
        _steps++;
        Now = Scenario.Start + TimeSpan.FromTicks(Scenario.PublishInterval.Ticks * _steps);
        var samples = new (string, TelemetrySampleMessage)[_devices.Length];
        for (var i = 0; i < _devices.Length; i++)
        {
            samples[i] = (_devices[i].Device.DeviceId, _devices[i].Sample(Now));
        }

        return samples;
    }

    /// <summary>Scatters a site's devices within about 300 m of its coordinates.</summary>
    private static SimulatedDevice Place(int seed, string id, string assetType, SiteSpec site)
    {
        var random = DeterministicRandom.For(seed, id, "location");
        var north = (random.NextDouble() - 0.5) * 0.006;
        var east = (random.NextDouble() - 0.5) * 0.006 / Math.Max(0.1, Math.Cos(site.Latitude * Math.PI / 180));
        return new SimulatedDevice(id, assetType, site.Name, Math.Round(site.Latitude + north, 6), Math.Round(site.Longitude + east, 6));
    }
}
