namespace WorkOrders.Maintenance.Models.Training;

/// <summary>A training job as the API shows it.</summary>
public sealed record TrainingJobView(
    Guid Id,
    string AssetType,
    DateTimeOffset From,
    DateTimeOffset To,
    TrainingJobStatus Status,
    string Stage,
    int Percent,
    Guid? ModelVersionId,
    string? Error,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts)
{
    public static TrainingJobView Of(TrainingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(
            job.Id, job.AssetType, job.From, job.To, job.Status, job.Stage, job.Percent, job.ModelVersionId, job.Error,
            job.QueuedAt, job.StartedAt, job.FinishedAt, job.Attempts);
    }
}
