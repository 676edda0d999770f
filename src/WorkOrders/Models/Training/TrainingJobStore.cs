using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// The training jobs in the maintenance store. Every change of a claimed job is a conditional UPDATE that names the
/// claim (owner and attempt), so a worker that lost its lease can no longer write, and a job is claimed only once.
/// </summary>
public sealed class TrainingJobStore(
    IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock, IOptions<TrainingJobOptions> options)
{
    private const int ClaimCandidates = 5;

    /// <summary>Queues a job; null when the asset type already has an unfinished one (a filtered unique index decides).</summary>
    public async Task<TrainingJobView?> EnqueueAsync(
        string assetType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var job = new TrainingJob
        {
            Id = Guid.CreateVersion7(now),
            AssetType = assetType,
            From = from.ToUniversalTime(),
            To = to.ToUniversalTime(),
            Status = TrainingJobStatus.Queued,
            Stage = "queued",
            QueuedAt = now,
            UpdatedAt = now,
        };
        await using var db = contexts.CreateDbContext();
        db.TrainingJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await FindUnfinishedAsync(assetType, cancellationToken) is null)
            {
                throw;
            }

            return null;
        }

        return TrainingJobView.Of(job);
    }

    public async Task<TrainingJobView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var job = await db.TrainingJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null ? null : TrainingJobView.Of(job);
    }

    /// <summary>Jobs, newest first, optionally of one asset type and/or status.</summary>
    public async Task<IReadOnlyList<TrainingJobView>> ListAsync(
        string? assetType, TrainingJobStatus? status, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.TrainingJobs.AsNoTracking();
        if (assetType is not null)
        {
            query = query.Where(j => j.AssetType == assetType);
        }

        if (status is { } wanted)
        {
            query = query.Where(j => j.Status == wanted);
        }

        var rows = await query.OrderByDescending(j => j.QueuedAt).ThenByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(TrainingJobView.Of);
    }

    /// <summary>The queued or running job of the asset type, if any.</summary>
    public async Task<TrainingJobView?> FindUnfinishedAsync(string assetType, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var job = await db.TrainingJobs.AsNoTracking()
            .Where(j => j.AssetType == assetType && (j.Status == TrainingJobStatus.Queued || j.Status == TrainingJobStatus.Running))
            .OrderBy(j => j.QueuedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return job is null ? null : TrainingJobView.Of(job);
    }

    /// <summary>
    /// Running jobs whose lease ran out (their process stopped without a word) go back to the queue, or fail once they
    /// were claimed <see cref="TrainingJobOptions.MaxAttempts"/> times. Returns how many were queued again.
    /// </summary>
    public async Task<int> RequeueExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var maxAttempts = options.Value.MaxAttempts;
        var error = $"The worker training this job stopped {maxAttempts} times before it finished; queue a new job.";
        await using var db = contexts.CreateDbContext();
        await db.TrainingJobs
            .Where(j => j.Status == TrainingJobStatus.Running && j.LeaseUntil < now && j.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, TrainingJobStatus.Failed)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        return await db.TrainingJobs
            .Where(j => j.Status == TrainingJobStatus.Running && j.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, TrainingJobStatus.Queued)
                .SetProperty(j => j.Stage, "queued again: its worker stopped")
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Claims the oldest queued job for <paramref name="owner"/>; null when none is queued (or others took them all).</summary>
    public async Task<ClaimedTrainingJob?> ClaimNextAsync(string owner, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var candidates = await db.TrainingJobs.AsNoTracking()
            .Where(j => j.Status == TrainingJobStatus.Queued)
            .OrderBy(j => j.QueuedAt).ThenBy(j => j.Id)
            .Select(j => j.Id)
            .Take(ClaimCandidates)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var now = clock.GetUtcNow();
            var leaseUntil = now + options.Value.Lease;
            var claimed = await db.TrainingJobs
                .Where(j => j.Id == id && j.Status == TrainingJobStatus.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, TrainingJobStatus.Running)
                    .SetProperty(j => j.Stage, "starting")
                    .SetProperty(j => j.Percent, 0)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.UpdatedAt, now)
                    .SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseUntil, leaseUntil)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var job = await db.TrainingJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
            if (job.LeaseOwner == owner && job.Status == TrainingJobStatus.Running)
            {
                return new ClaimedTrainingJob(job.Id, job.AssetType, job.From, job.To, owner, job.Attempts);
            }
        }

        return null;
    }

    /// <summary>Renews the claim's lease and, when given, records the progress; false when the claim was lost.</summary>
    public async Task<bool> HeartbeatAsync(ClaimedTrainingJob claim, TrainingProgress? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Lease;
        await using var db = contexts.CreateDbContext();
        var owned = Owned(db, claim);
        var changed = progress is null
            ? await owned.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken)
            : await owned.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.Stage, Truncate(progress.Stage, TrainingJobConfiguration.MaxStage))
                .SetProperty(j => j.Percent, Math.Clamp(progress.Percent, 0, 100)), cancellationToken);
        return changed == 1;
    }

    public async Task<bool> SucceedAsync(ClaimedTrainingJob claim, Guid modelVersionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        return await Owned(db, claim).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, TrainingJobStatus.Succeeded)
            .SetProperty(j => j.Stage, "done")
            .SetProperty(j => j.Percent, 100)
            .SetProperty(j => j.ModelVersionId, modelVersionId)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    public async Task<bool> FailAsync(ClaimedTrainingJob claim, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = clock.GetUtcNow();
        var message = Truncate(error, TrainingJobConfiguration.MaxError);
        await using var db = contexts.CreateDbContext();
        return await Owned(db, claim).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, TrainingJobStatus.Failed)
            .SetProperty(j => j.Error, message)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    /// <summary>
    /// Cancels a queued or running job: it ends <see cref="TrainingJobStatus.Cancelled"/> at once, and the worker
    /// training it notices at its next heartbeat (its claim no longer matches) and stops; whatever it still writes is
    /// refused. A job that already ended is left as it is.
    /// </summary>
    public async Task<TrainingJobCancellation> CancelAsync(Guid id, string? reason, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var stage = Truncate(string.IsNullOrWhiteSpace(reason) ? "cancelled" : $"cancelled: {reason.Trim()}", TrainingJobConfiguration.MaxStage);
        await using var db = contexts.CreateDbContext();
        var cancelled = await db.TrainingJobs
            .Where(j => j.Id == id && (j.Status == TrainingJobStatus.Queued || j.Status == TrainingJobStatus.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, TrainingJobStatus.Cancelled)
                .SetProperty(j => j.Stage, stage)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        var job = await FindAsync(id, cancellationToken);
        return new TrainingJobCancellation(job, Cancelled: cancelled == 1);
    }

    /// <summary>Gives a claimed job back to the queue (the worker is stopping), so another node need not wait for the lease.</summary>
    public async Task<bool> ReleaseAsync(ClaimedTrainingJob claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        return await Owned(db, claim).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, TrainingJobStatus.Queued)
            .SetProperty(j => j.Stage, "queued again: its worker stopped")
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    private static IQueryable<TrainingJob> Owned(MaintenanceDbContext db, ClaimedTrainingJob claim) =>
        db.TrainingJobs.Where(j => j.Id == claim.Id && j.Status == TrainingJobStatus.Running
            && j.LeaseOwner == claim.Owner && j.Attempts == claim.Attempt);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
