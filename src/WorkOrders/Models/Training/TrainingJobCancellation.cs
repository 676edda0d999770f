namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// What <see cref="TrainingJobStore.CancelAsync"/> did: <see cref="Job"/> is null when no job has the id;
/// <see cref="Cancelled"/> is false when the job had already ended (its status says how).
/// </summary>
public sealed record TrainingJobCancellation(TrainingJobView? Job, bool Cancelled);
