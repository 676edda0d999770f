using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Support;

/// <summary>Publishes like an edge agent: QoS 1, one message per body, each awaited until the broker's PUBACK.</summary>
public sealed class TelemetryPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<TelemetryPublisher> ConnectAsync(MosquittoServer broker)
    {
        var publisher = new TelemetryPublisher();
        await publisher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"it-device-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        return publisher;
    }

    public async Task PublishSeqsAsync(string deviceId, IEnumerable<long> seqs)
    {
        foreach (var seq in seqs)
        {
            await PublishAsync(deviceId, Samples.Temperature(deviceId, seq));
        }
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
