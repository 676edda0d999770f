namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// Trains what a claimed job asks for and returns the id of the stored version; throws with a message a planner can
/// act on when nothing can be trained (the job fails with that message). Implemented where the history is readable.
/// </summary>
public interface ITrainingJobRunner
{
    /// <summary>False on a node that cannot read stored history; its worker then claims nothing.</summary>
    bool IsAvailable { get; }

    Task<Guid> RunAsync(ClaimedTrainingJob job, IProgress<TrainingProgress> progress, CancellationToken cancellationToken);
}
