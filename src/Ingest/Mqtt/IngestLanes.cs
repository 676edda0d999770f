using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Ingest.Mqtt;

/// <summary>
/// Splits inbound messages into lanes by device id and runs one batch loop per lane, so several batches are
/// validated, stored and handed off at once while each device's messages stay in one lane, in arrival order.
/// A lane hands its batches to the grains one after another, but does not wait for a batch's store write before it
/// takes the next (up to <c>batchesInFlight</c> batches taken and not yet acknowledged): a slow write holds back
/// acknowledgements, not scoring. It acknowledges a batch only after it was completed and every batch before it was
/// acknowledged, all of its PUBACKs together.
/// </summary>
public sealed partial class IngestLanes
{
    private readonly Channel<InboundMessage>[] _lanes;
    private readonly int _batchSize;
    private readonly int _batchesInFlight;
    private readonly TimeSpan _batchWindow;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public IngestLanes(
        int laneCount, int capacity, int batchSize, int batchesInFlight, TimeSpan batchWindow, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(laneCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchesInFlight);
        _lanes = new Channel<InboundMessage>[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            _lanes[i] = Channel.CreateBounded<InboundMessage>(
                new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        }

        _batchSize = batchSize;
        _batchesInFlight = batchesInFlight;
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
    /// Runs every lane until <see cref="Complete"/>. <paramref name="process"/> starts one lane's batch and reports its
    /// <see cref="BatchProgress"/>: the lane takes its next batch once this one is handed off, and acknowledges it once
    /// it is completed; when either is false (giving up), the lane stops and leaves this batch and the ones after it
    /// unacknowledged for the broker to redeliver. After <paramref name="stoppingToken"/> fires, each lane takes no new
    /// batch and waits for the ones it has started.
    /// </summary>
    public Task RunAsync(Func<IReadOnlyList<InboundMessage>, CancellationToken, BatchProgress> process, CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => RunLaneAsync(lane.Reader, process, stoppingToken)));

    private async Task RunLaneAsync(
        ChannelReader<InboundMessage> reader,
        Func<IReadOnlyList<InboundMessage>, CancellationToken, BatchProgress> process,
        CancellationToken stoppingToken)
    {
        await Task.Yield(); // lanes start side by side, not nested in the caller's turn
        using var slots = new SemaphoreSlim(_batchesInFlight);
        var acknowledged = Task.FromResult(true); // the lane's acknowledgements, chained in batch order
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                var batch = new List<InboundMessage>(_batchSize);
                await FillBatchAsync(reader, batch).ConfigureAwait(false);
                var progress = process(batch, stoppingToken);
                acknowledged = AcknowledgeInOrderAsync(acknowledged, batch, progress.Completed, slots);
                if (!await progress.HandedOff.ConfigureAwait(false) || stoppingToken.IsCancellationRequested
                    || (acknowledged.IsCompleted && acknowledged is not { IsCompletedSuccessfully: true, Result: true }))
                {
                    return; // this batch and the rest stay unacknowledged (an exception surfaces in finally)
                }
            }
        }
        finally
        {
            await acknowledged.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Acknowledges a batch once it is completed and every earlier batch of its lane was acknowledged; then frees its
    /// slot. False (and nothing acknowledged) when it or an earlier batch gave up.
    /// </summary>
    private async Task<bool> AcknowledgeInOrderAsync(Task<bool> earlier, List<InboundMessage> batch, Task<bool> completed, SemaphoreSlim slots)
    {
        try
        {
            var done = await completed.ConfigureAwait(false);
            if (!await earlier.ConfigureAwait(false) || !done)
            {
                return false;
            }

            await AcknowledgeAsync(batch).ConfigureAwait(false);
            return true;
        }
        finally
        {
            slots.Release();
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

    /// <summary>
    /// Acknowledges every message of the batch. When the connection dropped (MQTTnet fails pending sends with
    /// ObjectDisposedException or, for some, with OperationCanceledException although no token was cancelled), the
    /// broker redelivers what was not acknowledged and the duplicates are dropped by seq; whatever the exception, the
    /// lane must go on, or its devices would stall for good. One warning a batch, not one a message: a connection that
    /// drops under load fails thousands at once.
    /// </summary>
    private async Task AcknowledgeAsync(List<InboundMessage> batch)
    {
        var failures = await Task.WhenAll(batch.Select(TryAcknowledgeAsync)).ConfigureAwait(false);
        var first = Array.FindIndex(failures, failure => failure is not null);
        if (first >= 0)
        {
            LogAckFailed(failures.Count(failure => failure is not null), batch.Count, batch[first].Topic, failures[first]!.Message);
        }
    }

    private static async Task<Exception?> TryAcknowledgeAsync(InboundMessage message)
    {
        try
        {
            await message.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge {Failed} of {Count} messages of a batch (the first on {Topic}); the broker will redeliver them: {Reason}")]
    private partial void LogAckFailed(int failed, int count, string topic, string reason);
}
