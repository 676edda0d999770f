using Microsoft.Extensions.Logging;
using MQTTnet;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Network;

namespace WorkOrders.Simulators.Mqtt;

/// <summary>
/// One MQTT client carrying one device (or a few): QoS 1 publishes in order, a retained <c>online</c> birth on every
/// connect, a retained <c>offline</c> will, and an outbox that keeps messages while the broker cannot be reached.
/// Calls are made by one caller at a time.
/// </summary>
internal sealed class FleetConnection : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _deviceIds;
    private readonly MqttFleetOptions _options;
    private readonly FleetCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly Queue<MqttApplicationMessage> _outbox = new();
    private readonly HashSet<string> _droppedDevices = new(StringComparer.Ordinal);
    private long _retryAt;
    private TimeSpan _backoff;
    private bool _failing;

    public FleetConnection(string clientId, IReadOnlyList<string> deviceIds, DeviceCredentials? credentials, MqttFleetOptions options, FleetCounters counters, TimeProvider time, ILogger logger)
    {
        ClientId = clientId;
        _deviceIds = deviceIds;
        _options = options;
        _counters = counters;
        _time = time;
        _logger = logger;
        _backoff = options.ReconnectDelay;
        _client = new MqttClientFactory().CreateMqttClient();
        _clientOptions = EdgeMessages.ClientOptions(clientId, deviceIds[0], credentials, options);
    }

    public string ClientId { get; }

    public IReadOnlyList<string> DeviceIds => _deviceIds;

    public bool IsConnected => _client.IsConnected;

    public async Task ExecuteAsync(IEnumerable<Transmission> transmissions, CancellationToken cancellationToken)
    {
        foreach (var item in transmissions)
        {
            switch (item)
            {
                case ConnectionDrop drop:
                    await DropAsync(drop.DeviceId, cancellationToken);
                    break;
                case ConnectionRestore restore:
                    _droppedDevices.Remove(restore.DeviceId);
                    _retryAt = 0;
                    break;
                case TelemetryPublish publish:
                    Enqueue(TelemetryTopics.Telemetry(publish.DeviceId), publish.Payload);
                    break;
                case MalformedPublish malformed:
                    Enqueue(TelemetryTopics.Telemetry(malformed.DeviceId), malformed.Payload);
                    break;
            }
        }

        if (_droppedDevices.Count == 0 && await EnsureConnectedAsync(cancellationToken))
        {
            await DrainAsync(cancellationToken);
        }
    }

    /// <summary>Opens the connection if it is down and the retry delay has passed; announces every device online.</summary>
    public async Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return true;
        }

        if (_time.GetTimestamp() < _retryAt)
        {
            return false;
        }

        try
        {
            await _client.ConnectAsync(_clientOptions, cancellationToken);
            foreach (var deviceId in _deviceIds)
            {
                await PublishStatusAsync(deviceId, DeviceStatus.Online, cancellationToken);
            }

            _backoff = _options.ReconnectDelay;
            _failing = false;
            _logger.Connected(ClientId);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _counters.Error();
            if (!_failing)
            {
                _logger.ConnectFailed(ClientId, _backoff, ex);
                _failing = true;
            }

            _retryAt = _time.GetTimestamp() + (long)(_backoff.TotalSeconds * _time.TimestampFrequency);
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            return false;
        }
    }

    /// <summary>Announces every device offline (retained) and disconnects cleanly, so the will is not sent.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            await DrainAsync(cancellationToken);
            foreach (var deviceId in _deviceIds)
            {
                await PublishStatusAsync(deviceId, DeviceStatus.Offline, cancellationToken);
            }

            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken);
        }
        catch (Exception ex)
        {
            // Shutdown is best effort: a broker that is gone (or too slow) leaves the will to mark the devices offline.
            _logger.ShutdownFailed(ClientId, ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task DropAsync(string deviceId, CancellationToken cancellationToken)
    {
        _droppedDevices.Add(deviceId);
        if (!_client.IsConnected)
        {
            return;
        }

        _logger.Dropping(ClientId);
        try
        {
            // DISCONNECT with reason 0x04 makes the broker publish the will, as a lost connection would.
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _counters.Error();
            _logger.PublishFailed(ClientId, ex);
        }
    }

    private void Enqueue(string topic, byte[] payload)
    {
        _outbox.Enqueue(EdgeMessages.Telemetry(topic, payload));
        while (_outbox.Count > _options.MaxOutboxMessages)
        {
            _outbox.Dequeue();
            _counters.Drop();
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (_outbox.TryPeek(out var message))
        {
            _counters.Sending();
            try
            {
                var result = await _client.PublishAsync(message, cancellationToken);
                if (result.IsSuccess)
                {
                    _counters.Acknowledged();
                }
                else
                {
                    _counters.Error();
                    _logger.PublishRefused(message.Topic, result.ReasonCode.ToString());
                }

                _outbox.Dequeue();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _counters.Error();
                _logger.PublishFailed(ClientId, ex);
                return;
            }
        }
    }

    private Task PublishStatusAsync(string deviceId, string status, CancellationToken cancellationToken) =>
        _client.PublishAsync(EdgeMessages.Status(deviceId, status), cancellationToken);
}
