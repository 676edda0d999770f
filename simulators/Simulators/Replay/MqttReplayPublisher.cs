using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Simulators.Mqtt;
using WorkOrders.Simulators.Network;

namespace WorkOrders.Simulators;

/// <summary>
/// Streams a <see cref="ReplayRecording"/> as one device, exactly like an edge agent (seq from 1, QoS 1, status
/// birth and will), keeping the recording's spacing divided by <paramref name="speed"/>. With
/// <paramref name="rebaseTo"/> the timestamps are shifted so the first sample carries that time.
/// </summary>
public sealed class MqttReplayPublisher(
    ReplayRecording recording,
    string deviceId,
    MqttFleetOptions options,
    double speed,
    TimeProvider timeProvider,
    ILogger<MqttReplayPublisher> logger,
    DateTimeOffset? rebaseTo = null) : IAsyncDisposable
{
    private readonly FleetCounters _counters = new();
    private FleetConnection? _connection;
    private DateTimeOffset _now = recording.Samples.FirstOrDefault()?.Ts ?? default;

    public FleetProgress Progress => new(1, _connection?.IsConnected == true ? 1 : 0, _counters.Samples, _counters.Sent, _counters.Acked, _counters.Errors, _counters.Dropped, _now);

    /// <summary>Publishes every sample, then marks the device offline; cancellation ends it early without throwing.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var credentials = options.CredentialsFor?.Invoke(deviceId);
        _connection ??= new FleetConnection(options.ClientIdPrefix + deviceId, [deviceId], credentials, options, _counters, timeProvider, logger);
        logger.Starting(1, 1, options.Host, options.Port);
        try
        {
            await _connection.EnsureConnectedAsync(cancellationToken);
            var started = timeProvider.GetTimestamp();
            var first = recording.Samples.FirstOrDefault()?.Ts ?? default;
            var shift = rebaseTo is { } to ? to - first : TimeSpan.Zero;
            long seq = 0;
            foreach (var sample in recording.Samples)
            {
                var wait = ((sample.Ts!.Value - first) / speed) - timeProvider.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken);
                }

                _now = sample.Ts.Value + shift;
                var message = TelemetryMessage.Single(deviceId, sample with { Seq = ++seq, Ts = _now });
                _counters.AddSamples(1);
                await _connection.ExecuteAsync([new TelemetryPublish(deviceId, TelemetryCodec.Encode(message), 1, false)], cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: fall through to the graceful shutdown.
        }

        using var timeout = new CancellationTokenSource(options.ShutdownTimeout, timeProvider);
        await _connection.CloseAsync(timeout.Token);
        logger.Finished(_now, _counters.Samples, _counters.Sent, _counters.Acked, _counters.Errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
