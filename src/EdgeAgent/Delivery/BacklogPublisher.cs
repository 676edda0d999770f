using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Outbox;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// After a (re)connect, drains what the outbox held when the session began, oldest first, in
/// batches, at no more than <c>Mqtt:BacklogSamplesPerSecond</c>, while <see cref="LivePublisher"/>
/// keeps live data flowing beside it.
/// </summary>
public sealed partial class BacklogPublisher(
    MqttLink link,
    DiskOutbox outbox,
    IOptions<EdgeAgentOptions> options,
    TimeProvider timeProvider,
    ILogger<BacklogPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var session = await link.WaitForSessionAsync(stoppingToken);
                await DrainAsync(session, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task DrainAsync(LinkSession session, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, session.Lost);
        var token = linked.Token;
        var mqtt = options.Value.Mqtt;
        long cursor = 0, sent = 0;
        try
        {
            while (true)
            {
                var records = outbox.ReadPending(cursor, session.LiveFromSeq, mqtt.MaxSamplesPerMessage);
                if (records.Count == 0)
                {
                    if (sent > 0)
                    {
                        LogDrained(logger, sent);
                    }

                    await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, token);
                    return;
                }

                try
                {
                    var payload = TelemetryEncoder.Encode(options.Value.DeviceId, records);
                    await link.PublishAsync(session, new OutboundMessage(link.Profile.TelemetryTopic, payload, Retain: false, Lanes.Backlog), token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    LogPublishFailed(logger, records[0].Seq, records[^1].Seq, ex.Message);
                    await Task.Delay(RetryDelay, timeProvider, token);
                    continue;
                }

                outbox.Acknowledge(records.Select(r => r.Seq).ToList());
                cursor = records[^1].Seq;
                sent += records.Count;
                await Task.Delay(TimeSpan.FromSeconds(records.Count / (double)mqtt.BacklogSamplesPerSecond), timeProvider, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The session ended or the agent is stopping; what is left stays in the outbox.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backlog drained: {Samples} samples sent")]
    private static partial void LogDrained(ILogger logger, long samples);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backlog publish of seq {From}..{To} failed; they stay in the outbox: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, long from, long to, string error);
}
