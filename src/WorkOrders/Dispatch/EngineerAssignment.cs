using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>
/// Picks the engineer for a new order: active and skilled for its asset type; then at the order's site; then
/// holding the fewest open orders; then the highest skill level; then by id, so the choice is repeatable.
/// </summary>
public sealed class EngineerAssignment(ILogger<EngineerAssignment> logger)
{
    /// <summary>Ranks the candidates and explains the choice in a sentence a dispatcher can check.</summary>
    public static AssignmentDecision Decide(string? assetType, string? site, IEnumerable<AssignmentCandidate> candidates)
    {
        var ranked = candidates
            .OrderByDescending(c => c.SameSite)
            .ThenBy(c => c.OpenWorkOrders)
            .ThenByDescending(c => c.SkillLevel)
            .ThenBy(c => c.EngineerId, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0)
        {
            return new(null, assetType is null
                ? "The order names no asset type, so no engineer can be matched to it; it stays New."
                : $"No active engineer is qualified for asset type '{assetType}'; the order stays New.", ranked);
        }

        var chosen = ranked[0];
        var peers = ranked.Where(c => c.SameSite == chosen.SameSite).ToList();
        var sitePart = chosen.SameSite
            ? $"works at {site}, the order's site"
            : site is null
                ? "the order names no site, so engineers at every site were considered"
                : $"no qualified engineer works at {site}, so engineers at other sites were considered";
        var loadPart = peers.Count == 1
            ? $"holds {chosen.OpenWorkOrders} open order(s)"
            : $"holds {chosen.OpenWorkOrders} open order(s), the fewest among {peers.Count} candidates";
        var tied = peers.Count(c => c.OpenWorkOrders == chosen.OpenWorkOrders);
        var levelPart = tied > 1 ? $"; level {chosen.SkillLevel} is the highest of the {tied} equally loaded" : "";
        var reason = $"{chosen.Name} ({chosen.EngineerId}) is qualified for {assetType} at level {chosen.SkillLevel}; "
            + $"{sitePart}; {loadPart}{levelPart}.";
        return new(chosen, reason, ranked);
    }

    /// <summary>The decision for an order of <paramref name="assetType"/> at <paramref name="site"/>, from current data.</summary>
    public async Task<AssignmentDecision> ProposeAsync(
        MaintenanceDbContext db, string? assetType, string? site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (assetType is null)
        {
            return Decide(null, site, []);
        }

        var assigned = WorkOrderStateMachine.AssignedStatuses;
        var candidates = await (
            from skill in db.EngineerSkills.AsNoTracking()
            join engineer in db.Engineers.AsNoTracking() on skill.EngineerId equals engineer.Id
            where skill.AssetType == assetType && engineer.Active
            select new AssignmentCandidate(
                engineer.Id,
                engineer.Name,
                engineer.Site,
                engineer.Site == site,
                db.WorkOrders.Count(w => w.AssigneeId == engineer.Id && assigned.Contains(w.Status)),
                skill.Level))
            .ToListAsync(cancellationToken);
        return Decide(assetType, site, candidates);
    }

    /// <summary>
    /// Assigns a <see cref="WorkOrderStatus.New"/> order in <paramref name="db"/> (unsaved): sets the assignee and
    /// <see cref="WorkOrderStatus.Dispatched"/> with a "dispatched" event, or adds a "not_dispatched" event.
    /// </summary>
    public async Task<AssignmentDecision> AssignAsync(
        MaintenanceDbContext db, WorkOrder order, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var decision = await ProposeAsync(db, order.AssetType, order.Site, cancellationToken);
        var data = WorkOrderEventData.Dispatch(decision.Chosen?.EngineerId, automatic: true, decision.Candidates);
        if (decision.Chosen is { } chosen)
        {
            order.AssigneeId = chosen.EngineerId;
            order.Status = WorkOrderStatus.Dispatched;
            order.UpdatedAt = now;
            db.WorkOrderEvents.Add(new() { WorkOrderId = order.Id, At = now, Type = WorkOrderEventTypes.Dispatched, Actor = actor, Note = decision.Reason, DataJson = data });
        }
        else
        {
            logger.NoQualifiedEngineer(order.AssetType, order.Number);
            db.WorkOrderEvents.Add(new() { WorkOrderId = order.Id, At = now, Type = WorkOrderEventTypes.NotDispatched, Actor = actor, Note = decision.Reason, DataJson = data });
        }

        return decision;
    }
}
