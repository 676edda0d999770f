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

    /// <summary>Connects and stays connected until <paramref name="cancellationToken"/>; then says goodbye.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(
            TimeSpan.FromMilliseconds(_mqtt.ReconnectMinDelayMs), TimeSpan.FromMilliseconds(_mqtt.ReconnectMaxDelayMs), Random.Shared);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ConnectAsync(cancellationToken);
                backoff.Reset();
                await HoldAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogConnectionFailed(_logger, ex.Message, ex);
            }

            EndSession();
            var delay = backoff.Next();
            LogReconnecting(_logger, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _stopping = true;
        EndSession();
        await SayGoodbyeAsync();
    }

    public void Dispose() => _client.Dispose();

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await _client.ConnectAsync(_profile.CreateClientOptions(_timeProvider.GetUtcNow()), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new IOException($"The broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        foreach (var topic in _profile.Subscriptions)
        {
            await _client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        }

        var session = new LinkSession(_outbox.LastSeq, _timeProvider.GetUtcNow());
        await PublishAsync(session, _profile.Birth(), cancellationToken);
        foreach (var request in _profile.AfterConnect())
        {
            await PublishAsync(session, request, cancellationToken);
        }

        lock (_lock)
        {
            _current = session;
            _nextSession.TrySetResult(session);
        }

        Interlocked.Increment(ref _connections);
        LogConnected(_logger, session.LiveFromSeq);
    }

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewAt = _profile.CredentialLifetime is { } lifetime ? lifetime * 0.8 : Timeout.InfiniteTimeSpan;
        var renewalDue = Task.Delay(renewAt, _timeProvider, renewal.Token);
        var ended = await Task.WhenAny(_disconnected.Task, renewalDue);
        await renewal.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (ended == renewalDue && _client.IsConnected)
        {
            LogRenewingCredentials(_logger);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
        }
    }

    private void EndSession()
    {
        LinkSession? ended;
        lock (_lock)
        {
            ended = _current;
            _current = null;
            if (_nextSession.Task.IsCompleted)
            {
                _nextSession = NewSessionSource();
            }
        }

        // Outside the lock and after the next-session source was replaced: cancellation runs the
        // lanes' continuations inline, and they must find no stale session to pick up again.
        ended?.End();
    }

    private async Task SayGoodbyeAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(GoodbyeTimeout);
        try
        {
            var offline = _profile.Offline();
            await _client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(offline.Topic).WithPayload(offline.Payload.ToArray())
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(offline.Retain).Build(),
                timeout.Token);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            LogGoodbyeFailed(_logger, ex.Message);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected && !_stopping)
        {
            LogDisconnected(_logger, args.Reason.ToString(), args.Exception?.Message);
        }

        _disconnected.TrySetResult();
        return Task.CompletedTask;
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        var payload = System.Buffers.BuffersExtensions.ToArray(message.Payload);
        _inbound.Writer.TryWrite(new InboundMessage(message.Topic, payload));
        return Task.CompletedTask;
    }

    private static TaskCompletionSource<LinkSession> NewSessionSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the broker; samples after seq {LiveFromSeq} are live, earlier unsent ones are backlog")]
    private static partial void LogConnected(ILogger logger, long liveFromSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disconnected from the broker ({Reason}): {Error}")]
    private static partial void LogDisconnected(ILogger logger, string reason, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the broker: {Error}")]
    private static partial void LogConnectionFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting in {DelayMs:0} ms")]
    private static partial void LogReconnecting(ILogger logger, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to renew credentials before they expire")]
    private static partial void LogRenewingCredentials(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not say goodbye to the broker: {Error}")]
    private static partial void LogGoodbyeFailed(ILogger logger, string error);
}
