using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Simulators.Mqtt;

/// <summary>The connect options and messages of an edge agent, per docs/telemetry.md.</summary>
internal static class EdgeMessages
{
    private static readonly byte[] OfflinePayload = Encoding.UTF8.GetBytes(DeviceStatus.Offline);

    /// <summary>MQTT 5, clean start, the device's credentials, and a retained <c>offline</c> will on the first device's status topic.</summary>
    public static MqttClientOptions ClientOptions(string clientId, string willDeviceId, DeviceCredentials? credentials, MqttFleetOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.ConnectTimeout)
            .WithWillTopic(TelemetryTopics.Status(willDeviceId))
            .WithWillPayload(OfflinePayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (credentials is not null)
        {
            builder = builder.WithCredentials(credentials.Username, credentials.Password);
        }

        return builder.Build();
    }

    public static MqttApplicationMessage Telemetry(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    /// <summary><c>online</c> or <c>offline</c>, retained, QoS 1.</summary>
    public static MqttApplicationMessage Status(string deviceId, string status) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(TelemetryTopics.Status(deviceId))
            .WithPayload(Encoding.UTF8.GetBytes(status))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
}
