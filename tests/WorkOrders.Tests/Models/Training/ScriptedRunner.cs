using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Models.Training;

namespace WorkOrders.WorkOrders.Tests.Models.Training;

/// <summary>
/// A runner that stores a real candidate version (or throws what the test says), reports <see cref="Progress"/>, and
/// when <see cref="Gate"/> is set waits for it, so a test can act while a job is running.
/// </summary>
internal sealed class ScriptedRunner(ModelRegistry registry) : ITrainingJobRunner
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Exception? Failure { get; init; }

    public TrainingProgress? Progress { get; init; }

    public TaskCompletionSource? Gate { get; init; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsAvailable => true;

    public async Task<Guid> RunAsync(ClaimedTrainingJob job, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Progress is { } step)
        {
            progress.Report(step);
        }

        Started.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        var version = await registry.AddCandidateAsync(
            new NewModelVersion(job.AssetType, job.From, job.To, ["pump-1"], "{}", [1, 2, 3]), cancellationToken);
        return version.Id;
    }
}
