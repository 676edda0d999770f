namespace WorkOrders.EdgeAgent.Devices.Analog;

/// <summary>Data rates of the ADS1115 (config DR[7:5], datasheet table 8).</summary>
public static class Ads1115DataRate
{
    private static readonly int[] SamplesPerSecond = [8, 16, 32, 64, 128, 250, 475, 860];

    public static IReadOnlyList<int> Supported => SamplesPerSecond;

    public static bool IsSupported(int samplesPerSecond) => Array.IndexOf(SamplesPerSecond, samplesPerSecond) >= 0;

    internal static int CodeFor(int samplesPerSecond)
    {
        var code = Array.IndexOf(SamplesPerSecond, samplesPerSecond);
        return code >= 0
            ? code
            : throw new ArgumentOutOfRangeException(nameof(samplesPerSecond), samplesPerSecond, "Supported: 8, 16, 32, 64, 128, 250, 475, 860 SPS.");
    }
}
