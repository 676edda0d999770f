namespace WorkOrders.Simulators;

/// <summary>The asset types a fleet can hold; the strings are those registered with the platform.</summary>
public static class AssetTypes
{
    public const string Pump = "pump";
    public const string Motor = "motor";
    public const string Compressor = "compressor";
    public const string Fan = "fan";

    public static IReadOnlyList<string> All { get; } = [Pump, Motor, Compressor, Fan];
}
