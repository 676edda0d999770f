using WorkOrders.Contracts.Devices;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The devices of a run: pumps, motors, compressors and fans in equal parts, with ids unique to the run, and a few
/// steps of healthy readings per device from <see cref="FleetModel"/> (recorded up front, so the simulator's physics
/// cost nothing while the platform is measured).
/// </summary>
internal sealed class LoadFleet
{
    private static readonly string[] AssetTypes = ["pump", "motor", "compressor", "fan"];

    private LoadFleet(IReadOnlyList<LoadDevice> devices, IReadOnlyList<DeviceRegistration> registrations)
    {
        Devices = devices;
        Registrations = registrations;
    }

    public IReadOnlyList<LoadDevice> Devices { get; }

    public IReadOnlyList<DeviceRegistration> Registrations { get; }

    public long Published => Devices.Sum(d => d.LastAcked);

    public static LoadFleet Create(int count, string runId)
    {
        var groups = AssetTypes
            .Select((type, i) => new FleetGroupSpec(type, "bench-site", (count / AssetTypes.Length) + (i < count % AssetTypes.Length ? 1 : 0), $"b{runId}-{type}"))
            .Where(g => g.Count > 0)
            .ToList();
        var model = new FleetModel(new Scenario
        {
            Name = "e2e",
            Seed = 7,
            Start = DateTimeOffset.UtcNow,
            Sites = [new SiteSpec("bench-site", 53.55, 9.99)],
            Fleet = groups,
        });
        var steps = Math.Clamp(64_000 / count, 4, 16);
        var readings = model.Devices.Select(_ => new IReadOnlyDictionary<string, double>[steps]).ToArray();
        for (var step = 0; step < steps; step++)
        {
            var i = 0;
            foreach (var (_, sample) in model.Step())
            {
                readings[i++][step] = sample.Readings!;
            }
        }

        return new LoadFleet(
            [.. model.Devices.Select((d, i) => new LoadDevice(d.DeviceId, readings[i]))],
            [.. model.Devices.Select(d => d.ToRegistration())]);
    }

    public void Reset()
    {
        foreach (var device in Devices)
        {
            device.Reset();
        }
    }
}
