namespace WorkOrders.Grains.Devices;

/// <summary>
/// Spreads the periodic state writes of a fleet over the save period. Devices that come online together would
/// otherwise reach <see cref="DeviceGrainOptions.SaveInterval"/> and <see cref="DeviceGrainOptions.SaveEverySamples"/>
/// together and write in lockstep. Each device gets a fixed phase in (0, 1] from a stable hash of its id, so the same
/// device always staggers the same way (restarts included) and a test can compute when it writes.
/// </summary>
public static class SaveStagger
{
    private const int Buckets = 10_000;

    /// <summary>The device's phase in (0, 1]: the share of a full period its first save comes after.</summary>
    public static double Phase(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var hash = 2166136261u; // FNV-1a: stable across processes, unlike string.GetHashCode.
        foreach (var c in deviceId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % Buckets + 1) / (double)Buckets;
    }

    /// <summary>How long after activation the device's first periodic save is due.</summary>
    public static TimeSpan FirstSaveAfter(string deviceId, TimeSpan saveInterval) => saveInterval * Phase(deviceId);

    /// <summary>How many new samples the device's first sample-count save waits for (at least 1).</summary>
    public static int FirstSaveAfterSamples(string deviceId, int saveEverySamples) =>
        Math.Max(1, (int)Math.Ceiling(saveEverySamples * Phase(deviceId)));
}
