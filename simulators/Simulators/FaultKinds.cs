namespace WorkOrders.Simulators;

/// <summary>The fault kinds a scenario can inject. The last two are faults of a sensor, not of the machine.</summary>
public static class FaultKinds
{
    /// <summary>Bearing band energy and kurtosis rise first, then overall vibration, then temperature.</summary>
    public const string BearingWear = "bearing_wear";

    /// <summary>Overall vibration rises (1x/2x running speed), with a little extra current and heat.</summary>
    public const string Misalignment = "misalignment";

    /// <summary>Pumps only: broadband vibration and kurtosis up, discharge pressure and flow down and unsteady.</summary>
    public const string Cavitation = "cavitation";

    /// <summary>Blocked cooling: temperature rises for the same load; current follows late.</summary>
    public const string Overheating = "overheating";

    /// <summary>Electrical fault: phase current imbalance rises, then current and temperature.</summary>
    public const string Electrical = "electrical";

    /// <summary>A sensor's reading drifts away from the truth (by default temperature_c).</summary>
    public const string SensorDrift = "sensor_drift";

    /// <summary>A sensor's reading freezes at its last value (by default temperature_c).</summary>
    public const string SensorStuck = "sensor_stuck";

    public static IReadOnlyList<string> All { get; } =
        [BearingWear, Misalignment, Cavitation, Overheating, Electrical, SensorDrift, SensorStuck];

    public static bool IsSensorFault(string kind) => kind is SensorDrift or SensorStuck;
}
