namespace WorkOrders.Simulators.Physics;

/// <summary>Name-plate figures of one asset type; physics scales from these.</summary>
internal sealed record AssetProfile(
    string AssetType,
    double RatedRpm,
    double RatedCurrentA,
    double RatedTemperatureRiseC,
    double ThermalTimeConstantSeconds,
    double BaseVibrationG,
    double RatedPressureBar,
    double RatedFlowM3h)
{
    public static AssetProfile For(string assetType) => assetType switch
    {
        // 2-pole 50 Hz centrifugal pump, 30 kW.
        AssetTypes.Pump => new(assetType, 2960, 55, 35, 1200, 0.12, 4.0, 120),
        // 4-pole 50 Hz induction motor driving a conveyor, 15 kW.
        AssetTypes.Motor => new(assetType, 1485, 30, 40, 1500, 0.08, 0, 0),
        // Oil-injected screw compressor, 45 kW, load/unload control between 6.5 and 7.5 bar.
        AssetTypes.Compressor => new(assetType, 2970, 90, 45, 1800, 0.18, 7.5, 420),
        // Ventilation fan on a variable-speed drive, 5.5 kW.
        AssetTypes.Fan => new(assetType, 1450, 14, 25, 900, 0.10, 0, 24000),
        _ => throw new ArgumentOutOfRangeException(nameof(assetType), assetType, "Unknown asset type."),
    };
}
