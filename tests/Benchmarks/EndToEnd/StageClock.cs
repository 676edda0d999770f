using System.Diagnostics;
using WorkOrders.Grains.Devices;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Stopwatch breakdown of ingest's batch cycle, from hooks the harness puts around the pipeline's dependencies (no
/// change to src): the first registry check of a batch (validation of its first message done), the store write, the
/// grain hand-offs, and the pipeline's <c>pdm.ingest.batch_size</c> record (its last step). With one batch at a time
/// the stages follow each other:
/// <c>ack+fill</c> (PUBACKs of the previous batch, waiting for and taking the next) → <c>validate</c> (JSON, rules,
/// registry, seq filter) → <c>store</c> → <c>grains</c> (every device's RecordAsync; they run while the store writes,
/// so this is only the time they took beyond the store write) → <c>finish</c>.
/// That holds with <c>Ingest:Mqtt:Lanes=1</c> and <c>Ingest:Mqtt:BatchesInFlight=1</c>; otherwise the marks of
/// concurrent batches interleave and the breakdown is only indicative (accepted counts and latencies stay exact).
/// Also counts what the grains accepted and the store holds, and records per-sample latencies.
/// </summary>
internal sealed class StageClock
{
    private readonly Lock _gate = new();
    private readonly List<SampleSpan> _publishToScored = [];
    private readonly List<double> _publishToStoredAndScored = [];
    private readonly List<double> _publishToReceived = [];
    private readonly List<double> _receiveToScoredByGrain = [];
    private StageTotals _totals = new();
    private long _accepted;
    private long _grainDuplicates;
    private long? _pipelineEnd;
    private long? _processingStart;
    private long? _storeStart;
    private long? _storeEnd;
    private long? _lastHandoffEnd;

    /// <summary>The store writes in flight, so that a scored sample is also timed to stored and scored.</summary>
    public StoreWritesInFlight StoreWrites { get; } = new();

    /// <summary>Samples a grain accepted and the store holds: the platform path's consumed count.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public long GrainDuplicates => Interlocked.Read(ref _grainDuplicates);

    public StageTotals Totals
    {
        get
        {
            lock (_gate)
            {
                return _totals;
            }
        }
    }

    public void RegistryChecked()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_processingStart is not null)
            {
                return;
            }

            _processingStart = now;
            if (_pipelineEnd is { } end)
            {
                _totals = _totals with { AckAndFill = _totals.AckAndFill + Stopwatch.GetElapsedTime(end, now) };
            }
        }
    }

    public void StoreStarting()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _storeStart = now;
            if (_processingStart is { } start)
            {
                _totals = _totals with { Validate = _totals.Validate + Stopwatch.GetElapsedTime(start, now) };
            }
        }
    }

    public void StoreFinished()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _storeEnd = now;
            if (_storeStart is { } start)
            {
                _totals = _totals with { Store = _totals.Store + Stopwatch.GetElapsedTime(start, now) };
            }
        }
    }

    /// <summary>A device's grain returned from scoring the batch at <paramref name="scoredAt"/>.</summary>
    public void Scored(TelemetryBatch batch, RecordResult result, DateTimeOffset scoredAt)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _grainDuplicates, result.Duplicates);
        lock (_gate)
        {
            _lastHandoffEnd = Math.Max(_lastHandoffEnd ?? now, now);
            var scoredMs = SampleSpan.UnixMilliseconds(scoredAt);
            foreach (var sample in batch.Samples)
            {
                _publishToScored.Add(new SampleSpan(SampleSpan.UnixMilliseconds(sample.Timestamp), scoredMs));
                if (sample.ReceivedAt is { } receivedAt)
                {
                    _publishToReceived.Add((receivedAt - sample.Timestamp).TotalMilliseconds);
                }
            }
        }
    }

    /// <summary>The store write that holds a scored batch was done at <paramref name="storedAt"/> (or before): the batch is consumed.</summary>
    public void StoredAndScored(TelemetryBatch batch, RecordResult result, DateTimeOffset storedAt)
    {
        Interlocked.Add(ref _accepted, result.Accepted);
        lock (_gate)
        {
            foreach (var sample in batch.Samples)
            {
                _publishToStoredAndScored.Add((storedAt - sample.Timestamp).TotalMilliseconds);
            }
        }
    }

    public void GrainMeasured(double receiveToScoredMs)
    {
        lock (_gate)
        {
            _receiveToScoredByGrain.Add(receiveToScoredMs);
        }
    }

    public void PipelineFinished(int messages)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var storeEnd = _storeEnd ?? _processingStart ?? now;
            // The grains score while the store writes; "grains" is the time they took beyond the store write.
            var handoffEnd = Math.Max(_lastHandoffEnd ?? storeEnd, storeEnd);
            _totals = _totals with
            {
                Grains = _totals.Grains + Stopwatch.GetElapsedTime(storeEnd, handoffEnd),
                Finish = _totals.Finish + Stopwatch.GetElapsedTime(handoffEnd, now),
                Batches = _totals.Batches + 1,
                Messages = _totals.Messages + messages,
            };
            _pipelineEnd = now;
            _processingStart = _storeStart = _storeEnd = _lastHandoffEnd = null;
        }
    }

    /// <summary>Starts a new phase: latencies are kept per phase; the cycle's first wait (idle before the load) is not counted.</summary>
    public void BeginPhase()
    {
        lock (_gate)
        {
            _publishToScored.Clear();
            _publishToStoredAndScored.Clear();
            _publishToReceived.Clear();
            _receiveToScoredByGrain.Clear();
            _pipelineEnd = null;
        }
    }

    /// <summary>This phase's samples so far: when each was published and when its grain had scored it.</summary>
    public IReadOnlyList<SampleSpan> Spans()
    {
        lock (_gate)
        {
            return [.. _publishToScored];
        }
    }

    public LatencySummary Latencies()
    {
        lock (_gate)
        {
            return new LatencySummary(
                Percentiles.Of(_publishToScored.Select(span => span.Milliseconds).ToArray()),
                Percentiles.Of(_publishToStoredAndScored),
                Percentiles.Of(_publishToReceived),
                Percentiles.Of(_receiveToScoredByGrain));
        }
    }
}

/// <summary>Cumulative time per stage of ingest's batch cycle.</summary>
internal sealed record StageTotals
{
    public TimeSpan AckAndFill { get; init; }

    public TimeSpan Validate { get; init; }

    public TimeSpan Store { get; init; }

    public TimeSpan Grains { get; init; }

    public TimeSpan Finish { get; init; }

    public long Batches { get; init; }

    public long Messages { get; init; }

    public StageTotals Minus(StageTotals earlier) => new()
    {
        AckAndFill = AckAndFill - earlier.AckAndFill,
        Validate = Validate - earlier.Validate,
        Store = Store - earlier.Store,
        Grains = Grains - earlier.Grains,
        Finish = Finish - earlier.Finish,
        Batches = Batches - earlier.Batches,
        Messages = Messages - earlier.Messages,
    };
}

/// <summary>
/// Publish → scored (the figure reported), publish → stored and scored (the later of the two), and the halves of the
/// first: publish → ingest receipt, receipt → scored as the grain measures it.
/// </summary>
internal sealed record LatencySummary(
    Percentiles PublishToScored, Percentiles PublishToStoredAndScored, Percentiles PublishToReceived, Percentiles ReceiveToScoredByGrain);
