using MQTTnet;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// How one kind of broker wants to be spoken to: connection options (fresh credentials each time),
/// topics, birth and last-will, and how desired configuration arrives and applied configuration is reported.
/// </summary>
public interface IBrokerProfile
{
    /// <summary>Reconnect before this long, so short-lived credentials (SAS tokens) are renewed; null when they do not expire.</summary>
    TimeSpan? CredentialLifetime { get; }

    bool SupportsUserProperties { get; }

    string TelemetryTopic { get; }

    string HeartbeatTopic { get; }

    IReadOnlyList<string> Subscriptions { get; }

    MqttClientOptions CreateClientOptions(DateTimeOffset now);

    OutboundMessage Birth();

    OutboundMessage Offline();

    /// <summary>Requests to send right after connecting (IoT Hub: fetch the device twin).</summary>
    IEnumerable<OutboundMessage> AfterConnect();

    /// <summary>The desired-configuration document carried by a received message, or null when it carries none.</summary>
    byte[]? DesiredConfiguration(InboundMessage message);

    OutboundMessage Report(byte[] reportJson);
}
