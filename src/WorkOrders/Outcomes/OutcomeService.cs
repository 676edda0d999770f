using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Outcomes;

/// <summary>
/// Records what engineers found on predictive work orders and turns it into labels: precision per model version, and
/// the confirmed and no-fault-found windows the next training run uses.
/// </summary>
public sealed partial class OutcomeService(
    IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock, ILogger<OutcomeService> logger)
{
    private static readonly WorkOrderStatus[] Finished = [WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed];

    /// <summary>Validates and stores (or replaces) the outcome of a completed predictive order.</summary>
    public async Task<OutcomeResult> RecordAsync(string idOrNumber, OutcomeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var finding = OutcomeFindings.Parse(request.Finding);
        if (finding is null)
        {
            errors.Add("finding", string.IsNullOrWhiteSpace(request.Finding)
                ? $"finding is required: {OutcomeFindings.Confirmed} or {OutcomeFindings.NoFaultFound}."
                : $"finding must be {OutcomeFindings.Confirmed} or {OutcomeFindings.NoFaultFound}; '{request.Finding}' is not.");
        }

        var failureMode = errors.Text("failureMode", request.FailureMode, OutcomeRules.FailureModeLength, required: finding == OutcomeFinding.Confirmed);
        if (finding == OutcomeFinding.NoFaultFound && failureMode is not null)
        {
            errors.Add("failureMode", "failureMode is only given when the finding is confirmed.");
        }

        var note = errors.Text("note", request.Note, OutcomeRules.NoteLength, required: false);
        var actor = errors.Text("actor", request.Actor, 128, required: false) ?? "engineer";
        if (!errors.IsEmpty)
        {
            return OutcomeResult.Invalid(errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var order = await FindOrderAsync(db, idOrNumber, cancellationToken);
        if (order is null)
        {
            return OutcomeResult.NotFound();
        }

        if (order.Source != WorkOrderSource.Prediction || order.DeviceId is null)
        {
            return OutcomeResult.Conflict($"{order.Number} was opened from {order.Source}, not by a prediction: only predictive orders take an outcome.");
        }

        if (!Finished.Contains(order.Status))
        {
            return OutcomeResult.Conflict(
                $"{order.Number} is {order.Status}; record the outcome when the work is done (Completed, Verified or Closed).");
        }

        var now = clock.GetUtcNow();
        var outcome = await db.PredictionOutcomes.FirstOrDefaultAsync(o => o.WorkOrderId == order.Id, cancellationToken);
        if (outcome is null)
        {
            outcome = new PredictionOutcome
            {
                WorkOrderId = order.Id,
                WorkOrderNumber = order.Number,
                DeviceId = order.DeviceId,
                RecordedBy = actor,
                EpisodeStart = order.DetectedAt ?? order.CreatedAt,
                EpisodeEnd = now,
            };
            db.PredictionOutcomes.Add(outcome);
        }

        outcome.AssetType = order.AssetType;
        outcome.ModelVersion = order.ModelVersion;
        outcome.Finding = finding!.Value;
        outcome.FailureMode = failureMode;
        outcome.Note = note;
        outcome.RecordedAt = now;
        outcome.RecordedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        LogRecorded(order.Number, OutcomeFindings.ToWire(outcome.Finding), outcome.ModelVersion);
        return OutcomeResult.Recorded(outcome);
    }

    public async Task<OutcomeView?> FindAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var order = await FindOrderAsync(db, idOrNumber, cancellationToken);
        var outcome = order is null ? null
            : await db.PredictionOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.WorkOrderId == order.Id, cancellationToken);
        return outcome is null ? null : OutcomeView.From(outcome);
    }

    /// <summary>Precision of each model version that raised orders with outcomes, optionally for one asset type or one version.</summary>
    public async Task<IReadOnlyList<ModelPrecision>> PrecisionAsync(
        string? assetType = null, string? modelVersion = null, CancellationToken cancellationToken = default)
    {
        var code = Codes.Normalize(assetType);
        await using var db = contexts.CreateDbContext();
        var query = db.PredictionOutcomes.AsNoTracking().Where(o => o.ModelVersion != null);
        if (code is not null)
        {
            query = query.Where(o => o.AssetType == code);
        }

        if (modelVersion is not null)
        {
            query = query.Where(o => o.ModelVersion == modelVersion);
        }

        var counts = await query
            .GroupBy(o => new { o.ModelVersion, o.Finding })
            .Select(g => new { g.Key.ModelVersion, g.Key.Finding, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.GroupBy(c => c.ModelVersion!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => ModelPrecision.Of(
            g.Key,
            g.Where(c => c.Finding == OutcomeFinding.Confirmed).Sum(c => c.Count),
            g.Where(c => c.Finding == OutcomeFinding.NoFaultFound).Sum(c => c.Count)))];
    }

    /// <summary>The labelled episode windows of an asset type's devices that overlap [from, to): training labels.</summary>
    public async Task<IReadOnlyList<OutcomeView>> LabelsAsync(
        string assetType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var code = Codes.Normalize(assetType);
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        await using var db = contexts.CreateDbContext();
        var rows = await db.PredictionOutcomes.AsNoTracking()
            .Where(o => o.AssetType == code && o.EpisodeStart < end && o.EpisodeEnd >= start)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(o => o.EpisodeStart).Select(OutcomeView.From)];
    }

    /// <summary>
    /// Episodes of an asset type's devices in [from, to) whose predictive order has no outcome yet: from detection to
    /// the order's last change when it is finished, otherwise to <paramref name="to"/>. Training leaves them out.
    /// </summary>
    public async Task<IReadOnlyList<EpisodeWindow>> UnlabelledEpisodesAsync(
        string assetType, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var code = Codes.Normalize(assetType);
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        await using var db = contexts.CreateDbContext();
        var labelled = db.PredictionOutcomes.Select(o => o.WorkOrderId);
        var orders = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Source == WorkOrderSource.Prediction && w.AssetType == code && w.DeviceId != null && w.CreatedAt < end)
            .Where(w => !labelled.Contains(w.Id))
            .ToListAsync(cancellationToken);
        return [.. orders
            .Select(w => new EpisodeWindow(
                w.DeviceId!, w.DetectedAt ?? w.CreatedAt, WorkOrderStateMachine.IsFinal(w.Status) || Finished.Contains(w.Status) ? w.UpdatedAt : end))
            .Where(e => e.End >= start)
            .OrderBy(e => e.Start)];
    }

    private static Task<WorkOrder?> FindOrderAsync(MaintenanceDbContext db, string idOrNumber, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrNumber, out var id))
        {
            return db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        }

        var number = idOrNumber.Trim().ToUpperInvariant();
        return WorkOrderNumbers.LooksLikeNumber(number)
            ? db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Number == number, cancellationToken)
            : Task.FromResult<WorkOrder?>(null);
    }

    [LoggerMessage(111, LogLevel.Information, "Outcome of {Number}: {Finding} (model version {ModelVersion})")]
    private partial void LogRecorded(string number, string finding, string? modelVersion);
}
