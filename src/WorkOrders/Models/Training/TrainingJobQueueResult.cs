namespace WorkOrders.Maintenance.Models.Training;

/// <summary>The queued job, messages per field (nothing was queued), or why no job can be queued now.</summary>
public sealed record TrainingJobQueueResult(TrainingJobView? Job, IDictionary<string, string[]> Errors, string? Conflict)
{
    public static TrainingJobQueueResult Queued(TrainingJobView job) => new(job, new Dictionary<string, string[]>(), null);

    public static TrainingJobQueueResult Invalid(IDictionary<string, string[]> errors) => new(null, errors, null);

    public static TrainingJobQueueResult Busy(string conflict) => new(null, new Dictionary<string, string[]>(), conflict);
}
