using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>The embedded SQLite store of a single-node demo (configuration section "TimeSeries:Embedded").</summary>
public sealed class EmbeddedStoreOptions : IValidatableObject
{
    public const string Section = "TimeSeries:Embedded";

    /// <summary>The SQLite file; its directory is created when missing.</summary>
    [Required]
    public string Path { get; set; } = "data/telemetry.db";

    /// <summary>Samples older than this (by their own timestamp) are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Beyond this many rows the oldest are pruned.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRows { get; set; } = 5_000_000;

    /// <summary>A prune runs at start-up and after every this many written samples.</summary>
    [Range(1, int.MaxValue)]
    public int PruneEverySamples { get; set; } = 10_000;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting of the writer. <see cref="EmbeddedStoreSynchronous.Normal"/> (the default)
    /// does not flush the write-ahead log to the disk on every commit, only at checkpoints: a committed batch survives
    /// a crash or kill of the process, but a power loss or an operating-system crash may roll back the last commits,
    /// whose messages the broker no longer holds. <see cref="EmbeddedStoreSynchronous.Full"/> flushes every commit
    /// (a batch is acknowledged only once it is on the disk) at the cost of one fsync per batch.
    /// </summary>
    public EmbeddedStoreSynchronous Synchronous { get; set; } = EmbeddedStoreSynchronous.Normal;

    /// <summary>
    /// With <see cref="EmbeddedStoreCheckpoint.Inline"/>: pages (4 KiB) the write-ahead log grows to before SQLite's
    /// automatic checkpoint copies it, inside a commit (its own default is 1,000): each batch dirties a page per device
    /// in the (device, …) indexes, and a longer log copies a page rewritten by many batches once instead of once per batch.
    /// </summary>
    [Range(100, 1_000_000)]
    public int WalAutoCheckpointPages { get; set; } = 8_000;

    /// <summary>
    /// With <see cref="EmbeddedStoreCheckpoint.Background"/>: pages (4 KiB) the write-ahead log may grow to before the
    /// checkpointer holds writes back for one pass, so that the log starts over (32 MiB by default). Every write waits
    /// for that pass, which lasts about two fsyncs whatever the log's length: at 10,000 devices and 4,500 messages a
    /// second (the log grows ~8,000 pages a second), 2,000 and 32,000 pages gave a longer p99 than 8,000
    /// (docs/benchmarks.md). A checkpoint runs at most once per <see cref="CheckpointInterval"/>.
    /// </summary>
    [Range(100, 1_000_000)]
    public int RestartLogAfterPages { get; set; } = 8_000;

    /// <summary>
    /// Who copies the write-ahead log into the database file. <see cref="EmbeddedStoreCheckpoint.Background"/> (the
    /// default): a thread of the store's own, <see cref="CheckpointInterval"/> after a write, while writes go on;
    /// <see cref="EmbeddedStoreCheckpoint.Inline"/>: SQLite's automatic checkpoint at
    /// <see cref="WalAutoCheckpointPages"/>, inside the commit that crossed it (every write queued behind it waits).
    /// </summary>
    public EmbeddedStoreCheckpoint Checkpoint { get; set; } = EmbeddedStoreCheckpoint.Background;

    /// <summary>
    /// With <see cref="EmbeddedStoreCheckpoint.Background"/>: how long after the first uncopied write a checkpoint
    /// runs. Longer copies a page rewritten by many batches once instead of once per batch, but lets the log grow.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// With <see cref="EmbeddedStoreCheckpoint.Background"/>, once the log is <see cref="RestartLogAfterPages"/>
    /// long: at most this many further passes (each copying what the writer appended during the one before, ending
    /// early once one is short) before the pass that holds writes back, so that pass has little left to copy.
    /// 0 holds writes right after the first pass.
    /// </summary>
    [Range(0, 10)]
    public int RestartCatchUpPasses { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(Retention)} must be positive.", [nameof(Retention)]);
        }

        if (CheckpointInterval <= TimeSpan.Zero || CheckpointInterval > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(CheckpointInterval)} must be positive and at most 10 minutes.", [nameof(CheckpointInterval)]);
        }
    }
}
