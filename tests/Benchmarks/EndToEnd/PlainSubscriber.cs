using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Mqtt;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The ceiling's consumer: one MQTT 5 client subscribed to every device's telemetry at QoS 1 with ingest's receive
/// maximum, that only counts what arrives (automatic PUBACK). Whatever the platform does beyond this is its cost.
/// </summary>
internal sealed class PlainSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _received;

    private PlainSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        };
    }

    public long Received => Interlocked.Read(ref _received);

    public static async Task<PlainSubscriber> ConnectAsync(string host, int port, string clientId, CancellationToken cancellationToken)
    {
        var subscriber = new PlainSubscriber();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithReceiveMaximum((ushort)new MqttIngestOptions().ReceiveMaximum)
            .Build();
        await subscriber._client.ConnectAsync(options, cancellationToken);
        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(TelemetryTopics.TelemetryWildcard).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        await subscriber._client.SubscribeAsync(subscribe, cancellationToken);
        return subscriber;
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
