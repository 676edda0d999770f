using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// Finds an order's <see cref="SlaTerms"/>: its recorded policy, else the policy for its priority and tier, else for
/// its priority and the standard tier, else one built from <see cref="SlaOptions"/> (24/7).
/// </summary>
public sealed class SlaCatalog(IOptionsMonitor<SlaOptions> options)
{
    public const string BuiltInPolicyId = "built-in";

    public async Task<SlaTerms> TermsForAsync(MaintenanceDbContext db, WorkOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var tier = string.IsNullOrWhiteSpace(order.CustomerTier) ? SlaPolicyRecord.StandardTier : order.CustomerTier.Trim();
        var policy = order.SlaPolicyId is { } id
            ? await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
        if (policy is null)
        {
            var candidates = await db.SlaPolicies.AsNoTracking()
                .Where(p => p.Priority == order.Priority && (p.CustomerTier == tier || p.CustomerTier == SlaPolicyRecord.StandardTier))
                .ToListAsync(cancellationToken);
            policy = candidates.FirstOrDefault(p => p.CustomerTier == tier)
                ?? candidates.FirstOrDefault()
                ?? BuiltIn(order.Priority);
        }

        var calendar = BusinessCalendar.AlwaysOpen;
        if (policy.CalendarId is { } calendarId
            && await db.SlaCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Id == calendarId, cancellationToken) is { } row)
        {
            calendar = row.ToBusinessCalendar();
        }

        var ladderId = policy.EscalationLadderId ?? EscalationLadder.DefaultId;
        var ladder = await db.EscalationLadders.AsNoTracking().FirstOrDefaultAsync(l => l.Id == ladderId, cancellationToken)
            ?? new EscalationLadder { Id = EscalationLadder.DefaultId, Name = "Default" };
        return new SlaTerms(policy, calendar, ladder);
    }

    /// <summary>The policy the configured <see cref="SlaOptions"/> give a priority: 24/7, paused in WaitingForParts.</summary>
    public SlaPolicyRecord BuiltIn(WorkOrderPriority priority, string? id = null)
    {
        var target = options.CurrentValue.For(priority);
        return new SlaPolicyRecord
        {
            Id = id ?? BuiltInPolicyId,
            Priority = priority,
            Response = target.Response,
            Arrival = target.Arrival < target.Response ? target.Response
                : target.Arrival > target.Resolution ? target.Resolution : target.Arrival,
            Resolution = target.Resolution,
            StallAfter = target.StallAfter,
        };
    }
}
