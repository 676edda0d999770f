namespace WorkOrders.Simulators;

/// <summary>Reading names, with units, as the edge agent publishes them.</summary>
public static class Readings
{
    public const string TemperatureC = "temperature_c";
    public const string VibrationRmsG = "vibration_rms_g";
    public const string VibrationKurtosis = "vibration_kurtosis";
    public const string VibrationBand1G = "vibration_band1_g";
    public const string CurrentA = "current_a";
    public const string CurrentImbalancePct = "current_imbalance_pct";
    public const string PressureBar = "pressure_bar";
    public const string FlowM3h = "flow_m3h";
    public const string Rpm = "rpm";

    /// <summary>The readings each asset type publishes, in the order they appear in a sample.</summary>
    public static IReadOnlyList<string> For(string assetType) => assetType switch
    {
        AssetTypes.Pump => Pump,
        AssetTypes.Motor => Motor,
        AssetTypes.Compressor => Compressor,
        AssetTypes.Fan => Fan,
        _ => throw new ArgumentOutOfRangeException(nameof(assetType), assetType, "Unknown asset type."),
    };

    private static readonly string[] Common =
        [TemperatureC, VibrationRmsG, VibrationKurtosis, VibrationBand1G, CurrentA, CurrentImbalancePct, Rpm];

    private static readonly string[] Pump = [.. Common, PressureBar, FlowM3h];
    private static readonly string[] Motor = Common;
    private static readonly string[] Compressor = [.. Common, PressureBar, FlowM3h];
    private static readonly string[] Fan = [.. Common, FlowM3h];
}
