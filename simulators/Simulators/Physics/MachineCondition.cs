namespace WorkOrders.Simulators.Physics;

/// <summary>Severity (0 healthy … 1 at failure) of each machine fault at one instant, and whether the machine has failed.</summary>
internal readonly record struct MachineCondition(
    double Bearing,
    double Misalignment,
    double Cavitation,
    double CoolingBlockage,
    double Electrical,
    bool Failed)
{
    public static MachineCondition Healthy => default;
}
