using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>Gathers the facts for one order from the store and runs <see cref="DispatchScoring"/> on them.</summary>
public sealed class DispatchEngine(IOptions<DispatchOptions> options)
{
    private static readonly WorkOrderStatus[] Done = [WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed];

    public DispatchOptions Options => options.Value;

    /// <summary>The decision for <paramref name="order"/> at <paramref name="now"/>; nothing is changed.</summary>
    public async Task<DispatchDecision> DecideAsync(
        MaintenanceDbContext db, WorkOrder order, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var input = await DescribeAsync(db, order, cancellationToken);
        var engineers = input.AssetType is null ? [] : await FactsAsync(db, input.AssetType, cancellationToken);
        return DispatchScoring.Decide(input, engineers, now, options.Value);
    }

    /// <summary>The order as the rules see it: its location (or its site's), region, requirements.</summary>
    public static async Task<DispatchOrder> DescribeAsync(MaintenanceDbContext db, WorkOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var category = order.Category;
        var setting = await db.CategoryDispatchSettings.AsNoTracking().FirstOrDefaultAsync(c => c.Category == category, cancellationToken);
        var requirement = order.AssetType is null
            ? null
            : await db.AssetTypeRequirements.AsNoTracking().FirstOrDefaultAsync(a => a.AssetType == order.AssetType, cancellationToken);
        var site = order.Site is null ? null : await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == order.Site, cancellationToken);
        var certificates = new[] { setting?.RequiredCertification, requirement?.RequiredCertification }
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var (lat, lon) = order is { Latitude: { } la, Longitude: { } lo } ? (la, lo) : (site?.Latitude, site?.Longitude);
        return new(order.AssetType, order.Site, site?.Region, order.Priority, lat, lon, order.ResponseDueAt, order.PreferredEngineerId,
            requirement?.MinSkillLevel ?? 1, certificates);
    }

    /// <summary>Every engineer with a skill for <paramref name="assetType"/>, their load and their first-time-fix record.</summary>
    public async Task<IReadOnlyList<EngineerFacts>> FactsAsync(MaintenanceDbContext db, string assetType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var engineers = await db.Engineers.AsNoTracking().AsSplitQuery()
            .Include(e => e.Skills).Include(e => e.Certifications).Include(e => e.Shifts)
            .Where(e => e.Skills.Any(s => s.AssetType == assetType))
            .ToListAsync(cancellationToken);
        var ids = engineers.ConvertAll(e => e.Id);
        var assigned = WorkOrderStateMachine.AssignedStatuses.ToList();
        var loads = await db.WorkOrders.AsNoTracking()
            .Where(w => w.AssigneeId != null && ids.Contains(w.AssigneeId) && assigned.Contains(w.Status))
            .GroupBy(w => w.AssigneeId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var history = await FirstTimeFixAsync(db, assetType, ids, cancellationToken);
        return engineers.ConvertAll(e =>
        {
            var (jobs, fixedFirstTime) = history.GetValueOrDefault(e.Id);
            return new EngineerFacts(e, loads.GetValueOrDefault(e.Id), jobs, fixedFirstTime);
        });
    }

    /// <summary>
    /// Per engineer: the latest completed orders of the asset type, and how many of them were fixed first time
    /// (completed once, never waiting for parts).
    /// </summary>
    private async Task<Dictionary<string, (int Jobs, int FixedFirstTime)>> FirstTimeFixAsync(
        MaintenanceDbContext db, string assetType, List<string> engineerIds, CancellationToken cancellationToken)
    {
        var done = Done.ToList();
        var jobs = await db.WorkOrders.AsNoTracking()
            .Where(w => w.AssetType == assetType && w.AssigneeId != null && engineerIds.Contains(w.AssigneeId) && done.Contains(w.Status))
            .OrderByDescending(w => w.UpdatedAt)
            .Take(options.Value.FirstTimeFixHistory)
            .Select(w => new { w.Id, AssigneeId = w.AssigneeId! })
            .ToListAsync(cancellationToken);
        if (jobs.Count == 0)
        {
            return [];
        }

        var jobIds = jobs.ConvertAll(j => j.Id);
        string[] telling = [WorkOrderEventTypes.Completed, WorkOrderEventTypes.WaitingForParts];
        var events = await db.WorkOrderEvents.AsNoTracking()
            .Where(e => jobIds.Contains(e.WorkOrderId) && telling.Contains(e.Type))
            .Select(e => new { e.WorkOrderId, e.Type })
            .ToListAsync(cancellationToken);
        var notFirstTime = events
            .GroupBy(e => e.WorkOrderId)
            .Where(g => g.Any(e => e.Type == WorkOrderEventTypes.WaitingForParts) || g.Count(e => e.Type == WorkOrderEventTypes.Completed) > 1)
            .Select(g => g.Key)
            .ToHashSet();
        return jobs.GroupBy(j => j.AssigneeId).ToDictionary(g => g.Key, g => (g.Count(), g.Count(j => !notFirstTime.Contains(j.Id))));
    }
}
