namespace WorkOrders.Simulators.Tests;

/// <summary>Small scenarios built in code; each test gets its own device ids so runs never share a broker topic.</summary>
internal static class TestScenarios
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    public static Scenario OneOfEach(string prefix = "t", int seed = 7, double intervalSeconds = 60) => new()
    {
        Name = prefix,
        Seed = seed,
        Start = Start,
        PublishIntervalSeconds = intervalSeconds,
        Sites = [new SiteSpec("site-a", 52.0, 13.0)],
        Fleet =
        [
            new FleetGroupSpec(AssetTypes.Pump, "site-a", 1, $"{prefix}-pump"),
            new FleetGroupSpec(AssetTypes.Motor, "site-a", 1, $"{prefix}-motor"),
            new FleetGroupSpec(AssetTypes.Compressor, "site-a", 1, $"{prefix}-compressor"),
            new FleetGroupSpec(AssetTypes.Fan, "site-a", 1, $"{prefix}-fan"),
        ],
    };

    /// <summary>One device of <paramref name="assetType"/>, optionally with one fault and maintenance.</summary>
    public static Scenario Single(string assetType, FaultSpec? fault = null, MaintenanceSpec? maintenance = null, int seed = 11) => new()
    {
        Name = "single",
        Seed = seed,
        Start = Start,
        PublishIntervalSeconds = 60,
        Sites = [new SiteSpec("site-a", 52.0, 13.0)],
        Fleet = [new FleetGroupSpec(assetType, "site-a", 1, "dev")],
        Faults = fault is null ? [] : [fault],
        Maintenance = maintenance is null ? [] : [maintenance],
        Sensors = new SensorSpec(DropoutProbability: 0),
    };

    public const string SingleDeviceId = "dev-01";
}
