using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.EdgeAgent.Configuration;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>The platform's own MQTT layout (docs/telemetry.md) over MQTT 5: <c>pdm/v1/{deviceId}/…</c>.</summary>
public sealed class PdmBrokerProfile(IOptions<EdgeAgentOptions> options) : IBrokerProfile
{
    private EdgeAgentOptions Options => options.Value;

    private string DeviceId => Options.DeviceId;

    public TimeSpan? CredentialLifetime => null;

    public bool SupportsUserProperties => true;

    public string TelemetryTopic => TelemetryTopics.Telemetry(DeviceId);

    public string HeartbeatTopic => TelemetryTopics.Heartbeat(DeviceId);

    public IReadOnlyList<string> Subscriptions => [TelemetryTopics.Config(DeviceId)];

    public MqttClientOptions CreateClientOptions(DateTimeOffset now)
    {
        var mqtt = Options.Mqtt;
        var server = HostPort.Parse(mqtt.Server);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(server.Host, server.Port)
            .WithClientId(mqtt.ClientId ?? DeviceId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(mqtt.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromMilliseconds(mqtt.PublishTimeoutMs))
            .WithWillTopic(TelemetryTopics.Status(DeviceId))
            .WithWillPayload(DeviceStatus.Offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (!string.IsNullOrEmpty(mqtt.Username))
        {
            builder.WithCredentials(mqtt.Username, mqtt.Password ?? "");
        }

        if (mqtt.UseTls)
        {
            builder.WithTlsOptions(TlsConfiguration.Build(mqtt, server.Host));
        }

        return builder.Build();
    }

    public OutboundMessage Birth() => new(TelemetryTopics.Status(DeviceId), Encoding.UTF8.GetBytes(DeviceStatus.Online), Retain: true);

    public OutboundMessage Offline() => new(TelemetryTopics.Status(DeviceId), Encoding.UTF8.GetBytes(DeviceStatus.Offline), Retain: true);

    public IEnumerable<OutboundMessage> AfterConnect() => [];

    public byte[]? DesiredConfiguration(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Topic == TelemetryTopics.Config(DeviceId) ? message.Payload : null;
    }

    public OutboundMessage Report(byte[] reportJson) => new(TelemetryTopics.ConfigReported(DeviceId), reportJson, Retain: true);
}
