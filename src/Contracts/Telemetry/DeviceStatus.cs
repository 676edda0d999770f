namespace WorkOrders.Contracts.Telemetry;

/// <summary>Payloads of the retained status topic; <see cref="Offline"/> is also the last-will.</summary>
public static class DeviceStatus
{
    public const string Online = "online";
    public const string Offline = "offline";
}
