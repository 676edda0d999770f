using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Mqtt;

/// <summary>
/// Splits inbound messages into lanes by device id and runs one batch loop per lane, so several batches are
/// validated, stored and handed off at once while each device's messages stay in one lane, in arrival order.
/// A lane acknowledges a batch only after it was processed, all of its PUBACKs together, and overlaps them with
/// filling its next batch.
/// </summary>
public sealed partial class IngestLanes
{
    private readonly Channel<InboundMessage>[] _lanes;
    private readonly int _batchSize;
    private readonly TimeSpan _batchWindow;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public IngestLanes(int laneCount, int capacity, int batchSize, TimeSpan batchWindow, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laneCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _lanes = new Channel<InboundMessage>[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            _lanes[i] = Channel.CreateBounded<InboundMessage>(
                new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        }

        _batchSize = batchSize;
        _batchWindow = batchWindow;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public int Count => _lanes.Length;

    /// <summary>The lane of a topic's device: the same device always gets the same lane.</summary>
    public int LaneOf(string topic)
    {
        var deviceId = TelemetryTopics.DeviceIdFrom(topic) ?? topic;
        return (int)((uint)StringComparer.Ordinal.GetHashCode(deviceId) % (uint)_lanes.Length);
    }

    public ValueTask WriteAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _lanes[LaneOf(message.Topic)].Writer.WriteAsync(message, cancellationToken);
    }

    /// <summary>No more messages: each lane finishes what it holds (or stops, when stopping) and its loop ends.</summary>
    public void Complete()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Runs every lane until <see cref="Complete"/>. <paramref name="processAsync"/> gets one lane's batch and returns
    /// true when it was stored and handed off (then it is acknowledged) or false to leave it unacknowledged for the
    /// broker to redeliver. After <paramref name="stoppingToken"/> fires, each lane stops after its current batch.
    /// </summary>
    public Task RunAsync(Func<IReadOnlyList<InboundMessage>, CancellationToken, Task<bool>> processAsync, CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => RunLaneAsync(lane.Reader, processAsync, stoppingToken)));

    private async Task RunLaneAsync(
        ChannelReader<InboundMessage> reader,
        Func<IReadOnlyList<InboundMessage>, CancellationToken, Task<bool>> processAsync,
        CancellationToken stoppingToken)
    {
        await Task.Yield(); // lanes start side by side, not nested in the caller's turn
        var acknowledging = Task.CompletedTask;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var batch = new List<InboundMessage>(_batchSize);
                await FillBatchAsync(reader, batch).ConfigureAwait(false);
                if (!await processAsync(batch, stoppingToken).ConfigureAwait(false))
                {
                    return; // unacknowledged: the broker redelivers it to the next session
                }

                await acknowledging.ConfigureAwait(false);
                acknowledging = AcknowledgeAsync(batch);
                if (stoppingToken.IsCancellationRequested)
                {
                    return; // the rest stays unacknowledged
                }
            }
        }
        finally
        {
            await acknowledging.ConfigureAwait(false);
        }
    }

    private async Task FillBatchAsync(ChannelReader<InboundMessage> reader, List<InboundMessage> batch)
    {
        using var window = new CancellationTokenSource(_batchWindow, _timeProvider);
        while (batch.Count < _batchSize)
        {
            while (batch.Count < _batchSize && reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            if (batch.Count >= _batchSize || window.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task AcknowledgeAsync(List<InboundMessage> batch) => Task.WhenAll(batch.Select(AcknowledgeOneAsync));

    private async Task AcknowledgeOneAsync(InboundMessage message)
    {
        try
        {
            await message.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The connection dropped (MQTTnet fails pending sends with ObjectDisposedException or, for some, with
            // OperationCanceledException although no token was cancelled): the broker redelivers, and the duplicate
            // is dropped by seq. Whatever the exception, the lane must go on, or its devices would stall for good.
            LogAckFailed(message.Topic, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge a message on {Topic}; the broker will redeliver it: {Reason}")]
    private partial void LogAckFailed(string topic, string reason);
}
