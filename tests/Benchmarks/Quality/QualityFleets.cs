using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>
/// Seeded labeled fleets for the quality benchmark: 16 devices (5 pumps, 4 motors, 4 compressors, 3 fans) a fleet,
/// nine faults of every kind (electrical and misalignment twice), one fault repaired before it fails, one healthy
/// device serviced, and every other fleet with noisy sensors or frequent dropouts; plus the platform's demo fleet.
/// </summary>
internal static class QualityFleets
{
    private const double Day = 86_400;

    private static readonly string[] FaultMix =
    [
        FaultKinds.BearingWear, FaultKinds.Misalignment, FaultKinds.Cavitation, FaultKinds.Overheating, FaultKinds.Electrical,
        FaultKinds.SensorDrift, FaultKinds.SensorStuck, FaultKinds.Electrical, FaultKinds.Misalignment,
    ];

    public static IEnumerable<(string Name, Scenario Scenario)> Generate(int seed, int fleets, double days, bool includeDemo)
    {
        for (var f = 0; f < fleets; f++)
        {
            yield return ($"fleet-{seed}-{f + 1}", Fleet(seed, f, days));
        }

        if (includeDemo)
        {
            // The --demo fleet at its own 10 s interval, over a whole day (night-time compressor cycles included).
            yield return ("demo", BuiltInScenarios.Demo with { DurationSeconds = Day, Timestamps = TimestampModes.Simulated });
        }
    }

    /// <summary>A healthy fleet of every asset type, for training asset-type baselines (never scored).</summary>
    public static Scenario Healthy(int seed, double days) => Fleet(seed, 0, days) with { Name = "healthy", Faults = [], Maintenance = [] };

    private static Scenario Fleet(int seed, int index, double days)
    {
        var random = new Random((seed * 1000) + index);
        var site = new SiteSpec("plant", 50 + index, 10, AmbientMeanC: 10 + (8 * random.NextDouble()), AmbientSwingC: 4 + (4 * random.NextDouble()));
        FleetGroupSpec[] groups =
        [
            new(AssetTypes.Pump, site.Name, 5), new(AssetTypes.Motor, site.Name, 4),
            new(AssetTypes.Compressor, site.Name, 4), new(AssetTypes.Fan, site.Name, 3),
        ];
        var devices = groups.SelectMany(g => Enumerable.Range(1, g.Count).Select(n => (Id: $"{g.Site}-{g.AssetType}-{n:D2}", g.AssetType))).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(devices));

        var faults = new List<FaultSpec>();
        var maintenance = new List<MaintenanceSpec>();
        var used = new HashSet<string>();
        for (var k = 0; k < FaultMix.Length; k++)
        {
            var kind = FaultMix[k];
            var device = devices.First(d => !used.Contains(d.Id) && (kind != FaultKinds.Cavitation || d.AssetType == AssetTypes.Pump));
            used.Add(device.Id);
            var life = kind == FaultKinds.SensorStuck ? Day : Day * (1 + (2 * random.NextDouble()));
            // In odd fleets the first fault was already developing when the device started reporting (as in the demo).
            var begins = index % 2 == 1 && k == 0 ? -0.1 * life : Day * (0.3 + (1.5 * random.NextDouble()));
            string? channel = FaultKinds.IsSensorFault(kind) ? (random.NextDouble() < 0.5 ? Readings.TemperatureC : Readings.VibrationRmsG) : null;
            faults.Add(new FaultSpec(device.Id, kind, Math.Round(begins), Math.Round(life), channel));
            if (k == 3)
            {
                // Serviced after the fault became detectable and before it failed: the failure never happens.
                maintenance.Add(new MaintenanceSpec(device.Id, Math.Round(begins + (0.8 * life))));
            }
        }

        var serviced = devices.First(d => !used.Contains(d.Id));
        maintenance.Add(new MaintenanceSpec(serviced.Id, Math.Round(days * Day / 2)));

        return new Scenario
        {
            Name = $"quality-{seed}-{index + 1}",
            Seed = (seed * 1000) + index,
            // Mondays, and every other fleet from a Thursday so its run spans a weekend.
            Start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero).AddDays((7 * index) + (index % 2 == 1 ? 3 : 0)),
            PublishIntervalSeconds = 10,
            DurationSeconds = days * Day,
            Sites = [site],
            Fleet = groups,
            Faults = faults,
            Maintenance = maintenance,
            Sensors = new SensorSpec(NoiseScale: index % 3 == 2 ? 2.0 : 1.0, DropoutProbability: index % 2 == 1 ? 0.02 : 0.002),
        };
    }
}
