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
    /// Pages (4 KiB) the write-ahead log may grow to before it is copied into the database file. Each batch
    /// dirties a page per device in the (device, …) indexes; a longer log copies a page rewritten by many batches
    /// once instead of once per batch. SQLite's own default is 1,000.
    /// </summary>
    [Range(100, 1_000_000)]
    public int WalAutoCheckpointPages { get; set; } = 8_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(Retention)} must be positive.", [nameof(Retention)]);
        }
    }
}
