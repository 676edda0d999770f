namespace WorkOrders.EdgeAgent.Devices.Vibration;

/// <summary>Output data rates of the ADXL345 (BW_RATE rate code, datasheet table 7) that suit vibration work.</summary>
public static class Adxl345DataRate
{
    private static readonly Dictionary<int, byte> Codes = new()
    {
        [3200] = 0x0F,
        [1600] = 0x0E,
        [800] = 0x0D,
        [400] = 0x0C,
        [200] = 0x0B,
        [100] = 0x0A,
    };

    public static IReadOnlyCollection<int> SupportedHz => Codes.Keys;

    public static bool IsSupported(int hertz) => Codes.ContainsKey(hertz);

    internal static byte CodeFor(int hertz) =>
        Codes.TryGetValue(hertz, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(hertz), hertz, "Supported: 3200, 1600, 800, 400, 200, 100 Hz.");
}
