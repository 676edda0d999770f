using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>The connection's life: connect, hold, notice the loss, back off, reconnect; goodbye on shutdown.</summary>
public sealed partial class MqttLink
{
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
}
