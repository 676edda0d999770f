namespace WorkOrders.Contracts.Telemetry;

/// <summary>The MQTT topic layout of docs/telemetry.md: <c>pdm/v1/{deviceId}/{kind}</c>.</summary>
public static class TelemetryTopics
{
    public const string Prefix = "pdm/v1";
    public const string TelemetryWildcard = Prefix + "/+/telemetry";
    public const string StatusWildcard = Prefix + "/+/status";

    public static string Telemetry(string deviceId) => $"{Prefix}/{deviceId}/telemetry";

    public static string Status(string deviceId) => $"{Prefix}/{deviceId}/status";

    public static string Config(string deviceId) => $"{Prefix}/{deviceId}/config";

    /// <summary>Where a device reports the configuration it applied or rejected (5 levels: <see cref="DeviceIdFrom"/> does not match it).</summary>
    public static string ConfigReported(string deviceId) => $"{Prefix}/{deviceId}/config/reported";

    /// <summary>Where a device publishes its periodic health: outbox depth, dropped counts, sensor faults, uptime.</summary>
    public static string Heartbeat(string deviceId) => $"{Prefix}/{deviceId}/heartbeat";

    /// <summary>An MQTT v5 shared subscription, so several ingest instances split the load.</summary>
    public static string Shared(string group, string topicFilter) => $"$share/{group}/{topicFilter}";

    /// <summary>Reads the device id out of <c>pdm/v1/{deviceId}/{kind}</c>; null when the topic does not match.</summary>
    public static string? DeviceIdFrom(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var parts = topic.Split('/');
        return parts.Length == 4 && parts[0] == "pdm" && parts[1] == "v1" && parts[2].Length > 0 ? parts[2] : null;
    }
}
