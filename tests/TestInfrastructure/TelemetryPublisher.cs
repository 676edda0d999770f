using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Testing;

/// <summary>Publishes telemetry the way an edge agent does: QoS 1, each publish awaited until the broker's PUBACK.</summary>
public sealed class TelemetryPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static Task<TelemetryPublisher> ConnectAsync(MosquittoServer broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return ConnectAsync(broker.Host, broker.Port);
    }

    public static async Task<TelemetryPublisher> ConnectAsync(string host, int port)
    {
        var publisher = new TelemetryPublisher();
        await publisher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"test-device-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        return publisher;
    }

    /// <summary>Publishes the samples in batch bodies of <paramref name="samplesPerMessage"/> (a lone sample as a single body).</summary>
    public async Task PublishSamplesAsync(string deviceId, IReadOnlyList<TelemetrySampleMessage> samples, int samplesPerMessage = 10)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var chunk in samples.Chunk(samplesPerMessage))
        {
            var message = chunk.Length == 1
                ? TelemetryMessage.Single(deviceId, chunk[0])
                : TelemetryMessage.Batch(deviceId, chunk);
            await PublishAsync(deviceId, message);
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
