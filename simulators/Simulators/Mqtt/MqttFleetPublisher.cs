using Microsoft.Extensions.Logging;
using WorkOrders.Simulators.Mqtt;
using WorkOrders.Simulators.Network;

namespace WorkOrders.Simulators;

/// <summary>
/// Publishes a <see cref="FleetModel"/> to an MQTT broker in accelerated real time: every publish interval of
/// simulated time (divided by the scenario's speed-up) each device publishes its sample, exactly as an edge agent
/// would, with the scenario's network trouble applied. If publishing falls behind, steps follow each other without
/// waiting until it has caught up.
/// </summary>
public sealed class MqttFleetPublisher(FleetModel model, MqttFleetOptions options, TimeProvider timeProvider, ILogger<MqttFleetPublisher> logger)
    : IAsyncDisposable
{
    private readonly FleetCounters _counters = new();
    private readonly NetworkPlan _network = new(model.Scenario);
    private readonly List<FleetConnection> _connections = [];
    private readonly Dictionary<string, FleetConnection> _byDevice = new(StringComparer.Ordinal);
    private readonly bool _wallClock = options.WallClockTimestamps ?? model.Scenario.Timestamps == TimestampModes.WallClock;
    private DateTimeOffset _simulatedNow = model.Now;
    private (DateTimeOffset StartedUtc, DateTimeOffset FirstStep)? _wallClockOrigin;

    public FleetProgress Progress => new(
        model.Devices.Count,
        _connections.Where(c => c.IsConnected).Sum(c => c.DeviceIds.Count),
        _counters.Samples,
        _counters.Sent,
        _counters.Acked,
        _counters.Errors,
        _counters.Dropped,
        _simulatedNow);

    /// <summary>
    /// Connects every device and publishes until <paramref name="cancellationToken"/> is cancelled or the scenario's
    /// duration has passed, then marks every device offline and disconnects cleanly. Cancellation ends the run
    /// normally; it does not throw.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        CreateConnections();
        logger.Starting(model.Devices.Count, _connections.Count, options.Host, options.Port);
        try
        {
            await Parallel.ForEachAsync(
                _connections,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ConnectConcurrency), CancellationToken = cancellationToken },
                async (connection, ct) => await connection.EnsureConnectedAsync(ct));

            var started = timeProvider.GetTimestamp();
            var startedUtc = timeProvider.GetUtcNow();
            _wallClockOrigin = (startedUtc, model.Now + model.Scenario.PublishInterval);
            var realInterval = model.Scenario.PublishInterval / model.Scenario.SpeedUp;
            for (long step = 0; !model.IsFinished; step++)
            {
                var wait = (realInterval * step) - timeProvider.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                await PublishStepAsync(_wallClock ? startedUtc + (realInterval * step) : null, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: fall through to the graceful shutdown.
        }

        await ShutdownAsync();
        logger.Finished(_simulatedNow, _counters.Samples, _counters.Sent, _counters.Acked, _counters.Errors);
    }

    /// <summary>
    /// The timestamp that samples of simulated time <paramref name="simulated"/> carry on the wire: itself, or with
    /// wall-clock timestamps, run start + (simulated − scenario start) ÷ speed-up. Maps <see cref="FleetModel.Labels"/>
    /// onto published time; with wall-clock timestamps only once the run has started.
    /// </summary>
    public DateTimeOffset ToPublishedTime(DateTimeOffset simulated)
    {
        if (!_wallClock)
        {
            return simulated;
        }

        var (startedUtc, firstStep) = _wallClockOrigin ?? throw new InvalidOperationException("The run has not started, so its wall-clock start is not known yet.");
        return startedUtc + ((simulated - firstStep) / model.Scenario.SpeedUp);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _connections.Clear();
    }

    /// <param name="stamp">The wall-clock time to stamp the samples with, or null to keep their simulated time.</param>
    private async Task PublishStepAsync(DateTimeOffset? stamp, CancellationToken cancellationToken)
    {
        var samples = model.Step().ToList();
        _simulatedNow = model.Now;
        _counters.AddSamples(samples.Count);
        if (stamp is { } ts)
        {
            samples = [.. samples.Select(s => (s.DeviceId, s.Sample with { Ts = ts }))];
        }

        var work = new Dictionary<FleetConnection, List<Transmission>>();
        foreach (var transmission in _network.Plan(samples, model.Now))
        {
            var connection = _byDevice[transmission.DeviceId];
            if (!work.TryGetValue(connection, out var list))
            {
                work[connection] = list = [];
            }

            list.Add(transmission);
        }

        await Task.WhenAll(_connections.Select(c => c.ExecuteAsync(work.TryGetValue(c, out var list) ? list : [], cancellationToken)));
    }

    private void CreateConnections()
    {
        if (_connections.Count > 0)
        {
            return;
        }

        var perConnection = Math.Max(1, options.DevicesPerConnection);
        var ids = model.Devices.Select(d => d.DeviceId).ToList();
        for (var i = 0; i < ids.Count; i += perConnection)
        {
            var group = ids.GetRange(i, Math.Min(perConnection, ids.Count - i));
            var clientId = perConnection == 1 ? options.ClientIdPrefix + group[0] : $"{options.ClientIdPrefix}{model.Scenario.Name}-conn-{i / perConnection:D5}";
            var connection = new FleetConnection(clientId, group, CredentialsFor(group[0]), options, _counters, timeProvider, logger);
            _connections.Add(connection);
            foreach (var id in group)
            {
                _byDevice[id] = connection;
            }
        }
    }

    private DeviceCredentials? CredentialsFor(string deviceId) =>
        options.CredentialsFor is { } lookup
            ? lookup(deviceId)
            : model.Scenario.Credentials is { } template
                ? new DeviceCredentials(template.Username.Replace("{deviceId}", deviceId, StringComparison.Ordinal), template.Password.Replace("{deviceId}", deviceId, StringComparison.Ordinal))
                : null;

    private async Task ShutdownAsync()
    {
        using var timeout = new CancellationTokenSource(options.ShutdownTimeout, timeProvider);
        await Task.WhenAll(_connections.Select(c => c.CloseAsync(timeout.Token)));
    }
}
