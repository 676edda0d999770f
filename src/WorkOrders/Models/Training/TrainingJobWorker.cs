using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// Trains queued jobs one at a time on this node: queues again the jobs of workers that died, claims the oldest queued
/// job (once across the cluster), runs it while a heartbeat renews the lease and records progress, and ends it
/// Succeeded with the version or Failed with the runner's message. A stopping node gives its job back to the queue;
/// a job cancelled while it runs stops at the next heartbeat.
/// </summary>
public sealed partial class TrainingJobWorker(
    TrainingJobStore store, ITrainingJobRunner runner, TimeProvider clock, IOptions<TrainingJobOptions> options,
    ILogger<TrainingJobWorker> logger)
{
    public string NodeId { get; } = string.IsNullOrWhiteSpace(options.Value.NodeId)
        ? $"{Environment.MachineName}-{Guid.NewGuid():N}"
        : options.Value.NodeId;

    /// <summary>How often a running job's progress is written and its lease renewed.</summary>
    public TimeSpan HeartbeatInterval { get; } =
        options.Value.PollInterval < options.Value.Lease / 3 ? options.Value.PollInterval : options.Value.Lease / 3;

    /// <summary>Runs at most one job to its end; false when there was nothing to claim.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var requeued = await store.RequeueExpiredAsync(cancellationToken);
        if (requeued > 0)
        {
            LogRequeued(requeued);
        }

        if (await store.ClaimNextAsync(NodeId, cancellationToken) is not { } claim)
        {
            return false;
        }

        LogClaimed(claim.Id, claim.AssetType, NodeId, claim.Attempt);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var heartbeatStop = new CancellationTokenSource();
        var progress = new LatestProgress();
        var heartbeat = HeartbeatAsync(claim, progress, run, heartbeatStop.Token);
        Guid? version = null;
        string? error = null;
        try
        {
            version = await runner.RunAsync(claim, progress, run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Stopping (the job goes back to the queue below) or the lease was lost (another node owns the job now).
        }
#pragma warning disable CA1031 // Whatever the training threw, the job must end Failed with its message rather than stay Running.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = exception.Message;
            LogFailed(exception, claim.Id, claim.AssetType);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        // The outcome is recorded even while the host stops: it is one short UPDATE.
        if (version is { } id)
        {
            await EndAsync(claim, store.SucceedAsync(claim, id, CancellationToken.None));
            LogSucceeded(claim.Id, claim.AssetType, id);
        }
        else if (error is not null)
        {
            await EndAsync(claim, store.FailAsync(claim, error, CancellationToken.None));
        }
        else if (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(claim, CancellationToken.None);
            LogReleased(claim.Id);
        }
        else
        {
            await LogClaimLostAsync(claim);
        }

        return true;
    }

    private async Task EndAsync(ClaimedTrainingJob claim, Task<bool> end)
    {
        if (!await end)
        {
            await LogClaimLostAsync(claim);
        }
    }

    /// <summary>The job is no longer this worker's: a user cancelled it, or its lease expired and it was queued again.</summary>
    private async Task LogClaimLostAsync(ClaimedTrainingJob claim)
    {
        var job = await store.FindAsync(claim.Id, CancellationToken.None);
        if (job?.Status == TrainingJobStatus.Cancelled)
        {
            LogCancelled(claim.Id, claim.AssetType);
        }
        else
        {
            LogLeaseLost(claim.Id, NodeId);
        }
    }

    private async Task HeartbeatAsync(
        ClaimedTrainingJob claim, LatestProgress progress, CancellationTokenSource run, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(HeartbeatInterval, clock, stop);
                if (!await store.HeartbeatAsync(claim, progress.Take(), stop))
                {
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
#pragma warning disable CA1031 // A missed heartbeat (database restarting) is retried at the next; the lease covers three.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogHeartbeatFailed(exception, claim.Id);
        }
    }

    [LoggerMessage(142, LogLevel.Information, "Training job {JobId} ({AssetType}) claimed by {NodeId}, attempt {Attempt}")]
    private partial void LogClaimed(Guid jobId, string assetType, string nodeId, int attempt);

    [LoggerMessage(143, LogLevel.Information, "Training job {JobId} ({AssetType}) succeeded with model version {VersionId}")]
    private partial void LogSucceeded(Guid jobId, string assetType, Guid versionId);

    [LoggerMessage(144, LogLevel.Warning, "Training job {JobId} ({AssetType}) failed")]
    private partial void LogFailed(Exception exception, Guid jobId, string assetType);

    [LoggerMessage(145, LogLevel.Warning, "Queued {Count} training jobs again whose worker stopped (lease expired)")]
    private partial void LogRequeued(int count);

    [LoggerMessage(146, LogLevel.Information, "Training job {JobId} given back to the queue: this node is stopping")]
    private partial void LogReleased(Guid jobId);

    [LoggerMessage(147, LogLevel.Warning, "Training job {JobId} is no longer {NodeId}'s (its lease expired); its result was dropped")]
    private partial void LogLeaseLost(Guid jobId, string nodeId);

    [LoggerMessage(149, LogLevel.Information, "Training job {JobId} ({AssetType}) was cancelled while it ran; training stopped and its result was dropped")]
    private partial void LogCancelled(Guid jobId, string assetType);

    [LoggerMessage(148, LogLevel.Warning, "The heartbeat of training job {JobId} failed; its lease may expire")]
    private partial void LogHeartbeatFailed(Exception exception, Guid jobId);

    /// <summary>Keeps only the newest report; the heartbeat writes it (so a chatty trainer costs one UPDATE per beat).</summary>
    private sealed class LatestProgress : IProgress<TrainingProgress>
    {
        private TrainingProgress? latest;

        public void Report(TrainingProgress value) => Interlocked.Exchange(ref latest, value);

        public TrainingProgress? Take() => Interlocked.Exchange(ref latest, null);
    }
}
