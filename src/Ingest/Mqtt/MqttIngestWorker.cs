using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Mqtt;

/// <summary>
/// Subscribes to every device's telemetry with a persistent MQTT v5 session and manual
/// acknowledgement: a message is acknowledged only after its batch was stored and handed to the
/// grains, so a crash at any point means redelivery, never loss. The grains score a batch without waiting for its
/// store write; each phase of a batch that fails is retried on its own until it succeeds or the service stops.
/// </summary>
public sealed partial class MqttIngestWorker(
    IngestPipeline pipeline,
    IngestMetrics metrics,
    IOptions<MqttIngestOptions> options,
    TimeProvider timeProvider,
    ILogger<MqttIngestWorker> logger) : BackgroundService
{
    // Each lane can hold the whole receive maximum: one busy device never blocks the broker's delivery to others.
    private readonly IngestLanes _lanes = new(
        options.Value.Lanes,
        options.Value.ReceiveMaximum,
        options.Value.BatchSize,
        options.Value.BatchesInFlight,
        options.Value.BatchWindow,
        timeProvider,
        logger);

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first subscription is in place (readiness).</summary>
    public Task Subscribed => _subscribed.Task;

    public bool IsConnected { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var processing = _lanes.RunAsync(Process, stoppingToken);
        try
        {
            await KeepConnectedAsync(client, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        _lanes.Complete();
        await processing;
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
        }

        IsConnected = false;
    }

    private async Task KeepConnectedAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var (host, port) = settings.Endpoint();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .WithReceiveMaximum((ushort)settings.ReceiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15));
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder = builder.WithCredentials(settings.Username, settings.Password);
        }

        var clientOptions = builder.Build();
        var topic = settings.SharedGroup is { } group
            ? TelemetryTopics.Shared(group, TelemetryTopics.TelemetryWildcard)
            : TelemetryTopics.TelemetryWildcard;
        var attempt = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), timeProvider);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                IsConnected = false;
                try
                {
                    var connected = await client.ConnectAsync(clientOptions, stoppingToken);
                    if (!connected.IsSessionPresent || !_subscribed.Task.IsCompleted)
                    {
                        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
                            .WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                            .Build();
                        await client.SubscribeAsync(subscribe, stoppingToken);
                    }

                    IsConnected = true;
                    attempt = 0;
                    _subscribed.TrySetResult();
                    LogConnected(host, port, topic, connected.IsSessionPresent);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    attempt++;
                    var delay = Backoff.Delay(attempt, settings.RetryBaseDelay, settings.RetryMaxDelay);
                    LogConnectFailed(host, port, attempt, delay, exception.Message);
                    await Task.Delay(delay, timeProvider, stoppingToken);
                    continue;
                }
            }

            await timer.WaitForNextTickAsync(stoppingToken);
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        args.AutoAcknowledge = false;
        var message = args.ApplicationMessage;
        var inbound = new InboundMessage(
            message.Topic,
            message.Payload.ToArray(),
            timeProvider.GetUtcNow(),
            args.AcknowledgeAsync);
        metrics.QueueChanged(1);
        await _lanes.WriteAsync(inbound, CancellationToken.None);
    }

    /// <summary>Starts a batch through the pipeline's phases; see <see cref="BatchProgress"/>.</summary>
    private BatchProgress Process(IReadOnlyList<InboundMessage> batch, CancellationToken stoppingToken)
    {
        var handedOff = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = RunPhasesAsync(batch, handedOff, stoppingToken);
        return new BatchProgress(handedOff.Task, completed);
    }

    /// <summary>
    /// Prepares the batch, then stores it while handing it off (reporting the hand-off to the lane as soon as it is
    /// done), then completes it; true when every phase succeeded.
    /// </summary>
    private async Task<bool> RunPhasesAsync(IReadOnlyList<InboundMessage> batch, TaskCompletionSource<bool> handedOff, CancellationToken stoppingToken)
    {
        try
        {
            PreparedBatch? prepared = null;
            if (!await UntilDoneAsync(async () => prepared = await pipeline.PrepareAsync(batch, CancellationToken.None), batch.Count, stoppingToken))
            {
                return false;
            }

            var storing = UntilDoneAsync(() => pipeline.StoreAsync(prepared!, CancellationToken.None), batch.Count, stoppingToken);
            var duplicatesAtGrains = 0;
            var handed = await UntilDoneAsync(
                async () => duplicatesAtGrains = await pipeline.HandOffAsync(prepared!, CancellationToken.None), batch.Count, stoppingToken);
            handedOff.TrySetResult(handed);
            metrics.BatchesAwaitingStoreChanged(1);
            bool stored;
            try
            {
                stored = await storing;
            }
            finally
            {
                metrics.BatchesAwaitingStoreChanged(-1);
            }

            return handed && stored
                && await UntilDoneAsync(() => pipeline.CompleteAsync(prepared!, duplicatesAtGrains, CancellationToken.None), batch.Count, stoppingToken);
        }
        finally
        {
            handedOff.TrySetResult(false);
            metrics.QueueChanged(-batch.Count);
        }
    }

    /// <summary>Runs one phase of a batch, retrying until it succeeds; false when stopping first (leave it unacknowledged).</summary>
    private async Task<bool> UntilDoneAsync(Func<Task> phase, int batchCount, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await phase();
                return true;
            }
            catch (Exception exception)
            {
                // Cancellation is not ours (the phases run uncancelled): a dependency gave up, a failure like any
                // other. Retry, keep the lane alive.
                metrics.BatchFailures.Add(1);
                var delay = Backoff.Delay(attempt, settings.RetryBaseDelay, settings.RetryMaxDelay);
                LogBatchFailed(exception, batchCount, attempt, delay);
                if (stoppingToken.IsCancellationRequested)
                {
                    return false;
                }

                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest connected to {Host}:{Port}, subscribed to {Topic} (session present: {SessionPresent})")]
    private partial void LogConnected(string host, int port, string topic, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest cannot reach the broker {Host}:{Port} (attempt {Attempt}, next in {Delay}): {Reason}")]
    private partial void LogConnectFailed(string host, int port, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} messages failed (attempt {Attempt}); not acknowledged, retrying in {Delay}")]
    private partial void LogBatchFailed(Exception exception, int count, int attempt, TimeSpan delay);
}
