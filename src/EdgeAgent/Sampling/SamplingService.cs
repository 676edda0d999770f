using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;
using WorkOrders.EdgeAgent.Sensors;

namespace WorkOrders.EdgeAgent.Sampling;

/// <summary>
/// Every sample interval: reads each enabled sensor, applies calibration and appends one sample to
/// the outbox (which gives it its seq). A failing sensor is marked faulted, closed and left alone for
/// <c>Sensors:RetryFaultedAfterMs</c>; the others keep being read.
/// </summary>
public sealed partial class SamplingService(
    IEnumerable<ISensorReader> readers,
    DiskOutbox outbox,
    AgentSettingsStore settings,
    SensorHealth health,
    IOptions<EdgeAgentOptions> options,
    TimeProvider timeProvider,
    ILogger<SamplingService> logger) : BackgroundService
{
    private readonly ISensorReader[] _readers = readers.ToArray();

    private PeriodicTimer? _timer;

    /// <summary>Creates the timer before returning, so time that passes after start is never missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(settings.Current.SampleInterval, timeProvider);
        settings.Changed += OnSettingsChanged;
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        settings.Changed -= OnSettingsChanged;
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("StartAsync creates the timer.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SampleOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            foreach (var reader in _readers)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>Takes one sample; returns it as stored, or null when no sensor gave a reading.</summary>
    public async Task<OutboxRecord?> SampleOnceAsync(CancellationToken cancellationToken)
    {
        var current = settings.Current;
        var timestamp = timeProvider.GetUtcNow();
        var readings = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var reader in _readers)
        {
            if (!current.Sensors.IsEnabled(reader.Name) || health.IsResting(reader.Name, timeProvider.GetUtcNow()))
            {
                continue;
            }

            await ReadOneAsync(reader, current, readings, cancellationToken);
        }

        if (readings.Count == 0)
        {
            return null;
        }

        foreach (var (name, calibration) in current.Calibration)
        {
            if (readings.TryGetValue(name, out var raw))
            {
                readings[name] = raw * calibration.Scale + calibration.Offset;
            }
        }

        return outbox.Append(timestamp, readings);
    }

    private async Task ReadOneAsync(ISensorReader reader, AgentSettings current, Dictionary<string, double> readings, CancellationToken cancellationToken)
    {
        var own = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            await reader.ReadAsync(current, own, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            reader.Close();
            var retryAfter = TimeSpan.FromMilliseconds(options.Value.Sensors.RetryFaultedAfterMs);
            if (health.MarkFaulted(reader.Name, ex.Message, timeProvider.GetUtcNow(), retryAfter))
            {
                LogSensorFaulted(logger, reader.Name, ex.Message, ex);
            }

            return;
        }

        foreach (var (name, value) in own)
        {
            if (double.IsFinite(value))
            {
                readings[name] = value;
            }
        }

        if (health.MarkHealthy(reader.Name))
        {
            LogSensorRecovered(logger, reader.Name);
        }
    }

    private void OnSettingsChanged(AgentSettings changed)
    {
        if (_timer is { } timer && timer.Period != changed.SampleInterval)
        {
            timer.Period = changed.SampleInterval;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor {Sensor} faulted, the others keep running: {Reason}")]
    private static partial void LogSensorFaulted(ILogger logger, string sensor, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {Sensor} recovered")]
    private static partial void LogSensorRecovered(ILogger logger, string sensor);
}
