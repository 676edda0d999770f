using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// Every publish interval, sends the samples taken since the session began that are not yet
/// acknowledged, in seq order, and acknowledges them in the outbox after the broker's PUBACK.
/// </summary>
public sealed partial class LivePublisher(
    MqttLink link,
    DiskOutbox outbox,
    AgentSettingsStore settings,
    IOptions<EdgeAgentOptions> options,
    TimeProvider timeProvider,
    ILogger<LivePublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var session = await link.WaitForSessionAsync(stoppingToken);
                await RunSessionAsync(session, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RunSessionAsync(LinkSession session, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, session.Lost);
        var token = linked.Token;
        using var timer = new PeriodicTimer(settings.Current.PublishInterval, timeProvider);
        void OnChanged(AgentSettings changed) => timer.Period = changed.PublishInterval;
        settings.Changed += OnChanged;
        var cursor = session.LiveFromSeq;
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                cursor = await PublishPendingAsync(session, cursor, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The session ended or the agent is stopping; unacknowledged samples stay in the outbox.
        }
        finally
        {
            settings.Changed -= OnChanged;
        }
    }

    private async Task<long> PublishPendingAsync(LinkSession session, long cursor, CancellationToken token)
    {
        var max = options.Value.Mqtt.MaxSamplesPerMessage;
        while (true)
        {
            var records = outbox.ReadPending(cursor, long.MaxValue, max);
            if (records.Count == 0)
            {
                return cursor;
            }

            try
            {
                var payload = TelemetryEncoder.Encode(options.Value.DeviceId, records);
                await link.PublishAsync(session, new OutboundMessage(link.Profile.TelemetryTopic, payload, Retain: false, Lanes.Live), token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // Kept in the outbox; the next tick (or the next session's backlog) sends them again.
                LogPublishFailed(logger, records[0].Seq, records[^1].Seq, ex.Message);
                return cursor;
            }

            outbox.Acknowledge(records.Select(r => r.Seq).ToList());
            cursor = records[^1].Seq;
            if (records.Count < max)
            {
                return cursor;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live publish of seq {From}..{To} failed; they stay in the outbox: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, long from, long to, string error);
}
