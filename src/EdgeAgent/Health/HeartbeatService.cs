using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Delivery;
using WorkOrders.EdgeAgent.Json;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;
using WorkOrders.EdgeAgent.Sensors;

namespace WorkOrders.EdgeAgent.Health;

/// <summary>On every connect and then every heartbeat interval: outbox depth, losses, sensor faults, uptime.</summary>
public sealed partial class HeartbeatService(
    MqttLink link,
    DiskOutbox outbox,
    SensorHealth sensors,
    AgentSettingsStore settings,
    IOptions<EdgeAgentOptions> options,
    TimeProvider timeProvider,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    private readonly long _startedAt = timeProvider.GetTimestamp();

    public Heartbeat Snapshot()
    {
        var stats = outbox.Statistics;
        return new Heartbeat(
            options.Value.DeviceId,
            timeProvider.GetUtcNow(),
            (long)timeProvider.GetElapsedTime(_startedAt).TotalSeconds,
            stats.LastSeq,
            stats.Depth,
            stats.Bytes,
            stats.DroppedWhenFull,
            stats.TornRecordsDropped,
            link.Reconnects,
            sensors.Faults,
            settings.Current.Version);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var session = await link.WaitForSessionAsync(stoppingToken);
                await BeatAsync(session, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task BeatAsync(LinkSession session, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, session.Lost);
        var token = linked.Token;
        using var timer = new PeriodicTimer(settings.Current.HeartbeatInterval, timeProvider);
        void OnChanged(AgentSettings changed) => timer.Period = changed.HeartbeatInterval;
        settings.Changed += OnChanged;
        try
        {
            do
            {
                var payload = JsonSerializer.SerializeToUtf8Bytes(Snapshot(), EdgeAgentJsonContext.Default.Heartbeat);
                try
                {
                    await link.PublishAsync(session, new OutboundMessage(link.Profile.HeartbeatTopic, payload, Retain: false), token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    LogHeartbeatFailed(logger, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Next session, or shutting down.
        }
        finally
        {
            settings.Changed -= OnChanged;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat not sent: {Error}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string error);
}
