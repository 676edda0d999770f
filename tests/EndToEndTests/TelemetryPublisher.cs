using MQTTnet;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.EndToEndTests;

/// <summary>Publishes telemetry the way an edge agent does: QoS 1, one message per body, waiting for each PUBACK.</summary>
public sealed class TelemetryPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<TelemetryPublisher> ConnectAsync(string host, int port)
    {
        var publisher = new TelemetryPublisher();
        await publisher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"e2e-device-{Guid.NewGuid():N}")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build());
        return publisher;
    }

    public Task PublishAsync(string deviceId, TelemetryMessage message) =>
        PublishRawAsync(TelemetryTopics.Telemetry(deviceId), TelemetryCodec.Encode(message));

    public async Task PublishRawAsync(string topic, byte[] payload)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The broker refused a publish on {topic}: {result.ReasonCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
