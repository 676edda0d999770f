using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Outbox;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// Keeps one MQTTnet client connected: connects (fresh credentials), subscribes, sends the birth
/// message and hands out a <see cref="LinkSession"/>; when the connection drops it ends the session and
/// reconnects after an exponential, jittered wait. The disconnect handler only signals: reconnecting
/// happens in <see cref="RunAsync"/>, never inside the client's event.
/// </summary>
public sealed partial class MqttLink : IDisposable
{
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(3);

    private readonly IBrokerProfile _profile;
    private readonly DiskOutbox _outbox;
    private readonly MqttOptions _mqtt;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MqttLink> _logger;
    private readonly IMqttClient _client;
    private readonly Channel<InboundMessage> _inbound = Channel.CreateBounded<InboundMessage>(
        new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Lock _lock = new();
    private TaskCompletionSource<LinkSession> _nextSession = NewSessionSource();
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LinkSession? _current;
    private long _connections;
    private volatile bool _stopping;

    public MqttLink(IBrokerProfile profile, DiskOutbox outbox, IOptions<EdgeAgentOptions> options, TimeProvider timeProvider, ILogger<MqttLink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _profile = profile;
        _outbox = outbox;
        _mqtt = options.Value.Mqtt;
        _timeProvider = timeProvider;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public IBrokerProfile Profile => _profile;

    /// <summary>Messages received on the profile's subscriptions (desired configuration).</summary>
    public ChannelReader<InboundMessage> Inbound => _inbound.Reader;

    /// <summary>Connections after the first one.</summary>
    public long Reconnects => Math.Max(0, Interlocked.Read(ref _connections) - 1);

    public LinkSession? CurrentSession
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public Task<LinkSession> WaitForSessionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _nextSession.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Publishes at QoS 1 and returns once the broker acknowledged (PUBACK); throws otherwise.</summary>
    public async Task PublishAsync(LinkSession session, OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Lost);
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(new System.Buffers.ReadOnlySequence<byte>(message.Payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain);
        if (_profile.SupportsUserProperties && message.Lane is { } lane)
        {
            builder.WithUserProperty("lane", System.Text.Encoding.UTF8.GetBytes(lane).AsMemory());
        }

        var result = await _client.PublishAsync(builder.Build(), linked.Token);
        if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            throw new IOException($"The broker refused a publish to {message.Topic}: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public void Dispose() => _client.Dispose();

    private static TaskCompletionSource<LinkSession> NewSessionSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
