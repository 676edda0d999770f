using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>The training-job worker, bound from <c>Models:TrainingJobs</c>.</summary>
public sealed class TrainingJobOptions
{
    public const string Section = "Models:TrainingJobs";

    /// <summary>How often an idle worker looks for a queued job.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between 00:00:01 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claimed job belongs to its worker without a sign of life; the worker renews it every third of this
    /// while it trains. A job whose lease ran out (its process died) is queued again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:15", "01:00:00", ErrorMessage = "must be between 00:00:15 and 01:00:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A job whose worker died this many times is failed instead of queued again.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>This node's name in <see cref="TrainingJob.LeaseOwner"/>; a unique one per process when empty.</summary>
    [StringLength(100)]
    public string? NodeId { get; set; }

    /// <summary>Whether this process trains queued jobs at all (nodes without the time-series store never do).</summary>
    public bool Enabled { get; set; } = true;
}
