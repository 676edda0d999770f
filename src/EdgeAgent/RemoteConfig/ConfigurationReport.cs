using System.Text.Json.Serialization;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>
/// Published on <c>pdm/v1/{deviceId}/config/reported</c> after every desired configuration:
/// <c>applied</c> with the settings now in force, or <c>rejected</c> with the reasons (and the settings kept).
/// </summary>
public sealed record ConfigurationReport(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("requestedVersion")] long? RequestedVersion,
    [property: JsonPropertyName("errors")] IReadOnlyList<string>? Errors,
    [property: JsonPropertyName("settings")] AgentSettings Settings,
    [property: JsonPropertyName("ts")] DateTimeOffset Timestamp)
{
    public const string Applied = "applied";
    public const string Rejected = "rejected";
}
