using System.Diagnostics.Metrics;

namespace WorkOrders.Ingest.Pipeline;

/// <summary>Ingest's instruments, on the meter <see cref="MeterName"/>.</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "WorkOrders.Ingest";

    private readonly Meter _meter;
    private long _queueDepth;
    private long _walFrames;
    private long _batchesAwaitingStore;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        MessagesReceived = _meter.CreateCounter<long>("pdm.ingest.messages", description: "Telemetry messages taken from the broker");
        SamplesAccepted = _meter.CreateCounter<long>("pdm.ingest.samples_accepted", description: "Samples stored and handed to their grain");
        DeadLetters = _meter.CreateCounter<long>("pdm.ingest.dead_letters", description: "Rejected messages and samples, tagged by reason");
        Duplicates = _meter.CreateCounter<long>("pdm.ingest.duplicates", description: "Samples dropped because their seq had been seen");
        BatchFailures = _meter.CreateCounter<long>("pdm.ingest.batch_failures", description: "Batches that failed and will be retried (not acknowledged)");
        BatchSize = _meter.CreateHistogram<int>("pdm.ingest.batch_size", description: "Messages per processed batch");
        _meter.CreateObservableGauge("pdm.ingest.queue_depth", () => Interlocked.Read(ref _queueDepth), description: "Messages received and not yet completed (stored, handed off and dead-lettered)");
        _meter.CreateObservableGauge("pdm.ingest.batches_awaiting_store", () => Interlocked.Read(ref _batchesAwaitingStore),
            unit: "{batch}", description: "Batches handed to their grains whose store write has not succeeded yet (not acknowledged)");
        StoreCheckpointDuration = _meter.CreateHistogram<double>("pdm.ingest.store.checkpoint_duration", unit: "ms",
            description: "Background checkpoint passes of the embedded telemetry store, each copying its write-ahead log into the database file; holds_writes=true marks the pass that holds writes back so that the log starts over");
        StoreCommitBatches = _meter.CreateHistogram<int>("pdm.ingest.store.commit_batches", unit: "{batch}",
            description: "Ingest batches the embedded telemetry store committed together in one transaction (writes that queued behind each other)");
        _meter.CreateObservableGauge("pdm.ingest.store.wal_frames", () => Interlocked.Read(ref _walFrames), unit: "{frame}",
            description: "Frames (4 KiB pages) in the embedded store's write-ahead log at its last checkpoint pass");
    }

    public Counter<long> MessagesReceived { get; }

    public Counter<long> SamplesAccepted { get; }

    public Counter<long> DeadLetters { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> BatchFailures { get; }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> StoreCheckpointDuration { get; }

    public Histogram<int> StoreCommitBatches { get; }

    public void QueueChanged(long delta) => Interlocked.Add(ref _queueDepth, delta);

    public void BatchesAwaitingStoreChanged(long delta) => Interlocked.Add(ref _batchesAwaitingStore, delta);

    /// <summary>
    /// One checkpoint pass of the embedded store: how long it took, how many frames its log held, and whether writes
    /// waited for it.
    /// </summary>
    public void StoreCheckpointed(double elapsedMs, long logFrames, bool holdingWrites)
    {
        StoreCheckpointDuration.Record(elapsedMs, new KeyValuePair<string, object?>("holds_writes", holdingWrites));
        Interlocked.Exchange(ref _walFrames, logFrames);
    }

    /// <summary>One transaction of the embedded store, holding <paramref name="batches"/> ingest batches.</summary>
    public void StoreCommitted(int batches) => StoreCommitBatches.Record(batches);

    public void Dispose() => _meter.Dispose();
}
