using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Models;

/// <summary>
/// Stores model versions and moves them between candidate, active and retired: at most one active version per asset
/// type (a filtered unique index guards it), activation remembers the version it replaced, and a rollback re-activates
/// that one in one step.
/// </summary>
public sealed partial class ModelRegistry(
    IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock, ILogger<ModelRegistry> logger)
{
    private const int NumberAttempts = 5;

    /// <summary>Stores a candidate with the next number of its asset type.</summary>
    public async Task<ModelVersionView> AddCandidateAsync(NewModelVersion candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var assetType = Codes.Normalize(candidate.AssetType) ?? throw new ArgumentException("The asset type is required.", nameof(candidate));
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateDbContext();
            var last = await db.ModelVersions.Where(m => m.AssetType == assetType).MaxAsync(m => (int?)m.Number, cancellationToken) ?? 0;
            var now = clock.GetUtcNow();
            var version = new ModelVersion
            {
                Id = Guid.CreateVersion7(now),
                AssetType = assetType,
                Number = last + 1,
                CreatedAt = now,
                TrainedFrom = candidate.TrainedFrom.ToUniversalTime(),
                TrainedTo = candidate.TrainedTo.ToUniversalTime(),
                Devices = string.Join(',', candidate.Devices),
                MetricsJson = candidate.MetricsJson,
                Artifact = candidate.Artifact,
                Status = ModelVersionStatus.Candidate,
            };
            db.ModelVersions.Add(version);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogStored(version.Label, version.Id, version.Artifact.Length);
                return ModelVersionView.From(version);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another training run took the number first; take the next one.
            }
        }
    }

    /// <summary>Versions, newest first, of one asset type or of all.</summary>
    public async Task<IReadOnlyList<ModelVersionView>> ListAsync(string? assetType, CancellationToken cancellationToken = default)
    {
        var code = Codes.Normalize(assetType);
        await using var db = contexts.CreateDbContext();
        var query = db.ModelVersions.AsNoTracking();
        if (code is not null)
        {
            query = query.Where(m => m.AssetType == code);
        }

        var rows = await query.OrderBy(m => m.AssetType).ThenByDescending(m => m.Number).ToListAsync(cancellationToken);
        return [.. rows.Select(ModelVersionView.From)];
    }

    public async Task<ModelVersion?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>The active version of every asset type, without artifacts (cheap enough to poll).</summary>
    public async Task<IReadOnlyList<ActiveModelVersion>> ActiveVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.ModelVersions.AsNoTracking()
            .Where(m => m.Status == ModelVersionStatus.Active)
            .Select(m => new { m.AssetType, m.Id, m.Number })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ActiveModelVersion(r.AssetType, r.Id, ModelVersionLabels.Of(r.AssetType, r.Number)))];
    }

    /// <summary>Makes the version the active one of its asset type; the one it replaces is retired and remembered for a rollback.</summary>
    public async Task<ModelActivationResult> ActivateAsync(Guid id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = contexts.CreateDbContext();
        var target = await db.ModelVersions.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (target is null)
        {
            return ModelActivationResult.NotFound($"No model version has the id '{id}'.");
        }

        if (target.Status == ModelVersionStatus.Active)
        {
            return ModelActivationResult.Activated(target);
        }

        var current = await db.ModelVersions.FirstOrDefaultAsync(
            m => m.AssetType == target.AssetType && m.Status == ModelVersionStatus.Active, cancellationToken);
        target.PreviousActiveId = current?.Id;
        return await SwitchAsync(db, current, target, actor, cancellationToken);
    }

    /// <summary>Re-activates the version the active one replaced; the active one is retired.</summary>
    public async Task<ModelActivationResult> RollbackAsync(string assetType, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var code = Codes.Normalize(assetType) ?? "";
        await using var db = contexts.CreateDbContext();
        var current = await db.ModelVersions.FirstOrDefaultAsync(
            m => m.AssetType == code && m.Status == ModelVersionStatus.Active, cancellationToken);
        if (current is null)
        {
            return await db.ModelVersions.AnyAsync(m => m.AssetType == code, cancellationToken)
                ? ModelActivationResult.Conflict($"Asset type '{code}' has no active model version to roll back.")
                : ModelActivationResult.NotFound($"Asset type '{code}' has no model versions.");
        }

        var previous = current.PreviousActiveId is { } previousId
            ? await db.ModelVersions.FirstOrDefaultAsync(m => m.Id == previousId, cancellationToken)
            : null;
        if (previous is null)
        {
            return ModelActivationResult.Conflict(
                $"{current.Label} is the first version activated for '{code}'; there is no earlier version to roll back to.");
        }

        return await SwitchAsync(db, current, previous, actor, cancellationToken);
    }

    private async Task<ModelActivationResult> SwitchAsync(
        MaintenanceDbContext db, ModelVersion? current, ModelVersion target, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (current is not null)
            {
                // Retire first: the filtered unique index allows one active row per asset type at every statement.
                current.Status = ModelVersionStatus.Retired;
                current.Concurrency++;
                await db.SaveChangesAsync(cancellationToken);
            }

            target.Status = ModelVersionStatus.Active;
            target.ActivatedAt = now;
            target.ActivatedBy = actor.Trim();
            target.Concurrency++;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ModelActivationResult.Conflict(
                $"The model versions of '{target.AssetType}' changed while {target.Label} was being activated; try again.");
        }

        LogActivated(target.Label, current?.Label, actor);
        return ModelActivationResult.Activated(target);
    }

    [LoggerMessage(101, LogLevel.Information, "Stored model version {Label} ({Id}, {Bytes} bytes) as a candidate")]
    private partial void LogStored(string label, Guid id, int bytes);

    [LoggerMessage(102, LogLevel.Information, "Model version {Label} is active (replacing {Previous}) by {Actor}")]
    private partial void LogActivated(string label, string? previous, string actor);
}
