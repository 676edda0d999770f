using MQTTnet;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.BrowserTests;

/// <summary>Publishes telemetry the way an edge agent does: QoS 1, batches of samples, waiting for each PUBACK.</summary>
public sealed class TelemetryPublisher : IAsyncDisposable
{
    private const int SamplesPerMessage = 10;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public static async Task<TelemetryPublisher> ConnectAsync(string host, int port)
    {
        var publisher = new TelemetryPublisher();
        await publisher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"browser-device-{Guid.NewGuid():N}")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build());
        return publisher;
    }

    public async Task PublishAsync(string deviceId, IReadOnlyList<TelemetrySampleMessage> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var chunk in samples.Chunk(SamplesPerMessage))
        {
            var message = chunk.Length == 1
                ? TelemetryMessage.Single(deviceId, chunk[0])
                : TelemetryMessage.Batch(deviceId, chunk);
            var topic = TelemetryTopics.Telemetry(deviceId);
            var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(TelemetryCodec.Encode(message))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"The broker refused a publish on {topic}: {result.ReasonCode}");
            }
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
