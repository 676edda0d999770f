using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Mqtt;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The ceiling's consumer: one MQTT 5 client with ingest's session semantics (a persistent session, ingest's receive
/// maximum, every device's telemetry at QoS 1) that only counts what arrives. Whatever the platform
/// does beyond this is its cost. It acknowledges like ingest too, from its own task rather than inside the receive
/// handler: with automatic acknowledgement, mosquitto 2.0.11's delivery to it collapsed to ~200 msgs/s whenever it fell
/// a window behind (ingest never did).
/// </summary>
internal sealed class PlainSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<MqttApplicationMessageReceivedEventArgs> _toAcknowledge = Channel.CreateUnbounded<MqttApplicationMessageReceivedEventArgs>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _acknowledging;
    private long _received;

    private PlainSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += args =>
        {
            args.AutoAcknowledge = false;
            Interlocked.Increment(ref _received);
            return _toAcknowledge.Writer.WriteAsync(args).AsTask();
        };
        _acknowledging = AcknowledgeAsync();
    }

    public long Received => Interlocked.Read(ref _received);

    public static async Task<PlainSubscriber> ConnectAsync(string host, int port, string clientId, CancellationToken cancellationToken)
    {
        var subscriber = new PlainSubscriber();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(600)
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
        _toAcknowledge.Writer.TryComplete();
        await _acknowledging;
        if (_client.IsConnected)
        {
            // Session expiry 0 on the way out: the broker forgets the session instead of queueing for it.
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(0).Build());
        }

        _client.Dispose();
    }

    /// <summary>PUBACKs in arrival order from their own task, as ingest sends them (not from inside the receive handler).</summary>
    private async Task AcknowledgeAsync()
    {
        await foreach (var message in _toAcknowledge.Reader.ReadAllAsync())
        {
            try
            {
                await message.AcknowledgeAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                // Disconnected: nothing left to acknowledge to.
            }
        }
    }
}
