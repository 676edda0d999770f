namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// One request to train a model version, stored so that it outlives the HTTP request and the process. A worker
/// claims a queued job with a conditional UPDATE (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>) and renews
/// the lease while it trains; a job whose lease ran out while <see cref="TrainingJobStatus.Running"/> is queued again.
/// Change it only through <see cref="TrainingJobStore"/>.
/// </summary>
public sealed class TrainingJob
{
    public Guid Id { get; set; }

    /// <summary>Lower-case code, like the registry's asset types.</summary>
    public required string AssetType { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }

    public TrainingJobStatus Status { get; set; }

    /// <summary>What the worker is doing now, e.g. <c>reading history (3 of 12 devices)</c>.</summary>
    public string Stage { get; set; } = "";

    /// <summary>0 … 100.</summary>
    public int Percent { get; set; }

    /// <summary>The version the job stored, once it succeeded.</summary>
    public Guid? ModelVersionId { get; set; }

    /// <summary>Why the job failed.</summary>
    public string? Error { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>How many times a worker has claimed it; the claim's token together with <see cref="LeaseOwner"/>.</summary>
    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
