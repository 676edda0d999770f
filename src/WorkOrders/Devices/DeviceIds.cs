using System.Text.RegularExpressions;

namespace WorkOrders.Maintenance.Devices;

/// <summary>The device id format: 1 to 64 of <c>[A-Za-z0-9._-]</c>, safe in MQTT topics and URLs.</summary>
public static partial class DeviceIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? deviceId) => deviceId is not null && Pattern().IsMatch(deviceId);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
