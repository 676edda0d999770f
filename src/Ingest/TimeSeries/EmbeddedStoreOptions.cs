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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(Retention)} must be positive.", [nameof(Retention)]);
        }
    }
}
