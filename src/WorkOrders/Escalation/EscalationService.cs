using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Escalation;

/// <summary>Escalates an order by hand, one level up its ladder (<c>POST /api/workorders/{id}/escalate</c>).</summary>
public sealed class EscalationService(
    IDbContextFactory<MaintenanceDbContext> contexts, SlaCatalog catalog, Escalator escalator, TimeProvider clock)
{
    public async Task<EscalationResult> EscalateAsync(
        string idOrNumber, EscalationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var actor = errors.Text("actor", request.Actor, 128, required: true);
        var reason = errors.Text("reason", request.Reason, 2000, required: true);
        if (!errors.IsEmpty)
        {
            return new(EscalationOutcome.Invalid, null, null, errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var order = await Find(db.WorkOrders, idOrNumber).FirstOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return new(EscalationOutcome.NotFound, null, null, errors.ToDictionary());
        }

        if (SlaTerms.IsStopped(order.Status))
        {
            return Conflict($"{order.Number} is {order.Status}; only open orders can be escalated.");
        }

        if (order.EscalationLevel >= Escalator.MaxLevel)
        {
            return Conflict($"{order.Number} is already at the top of its escalation ladder (level {Escalator.MaxLevel}, manager).");
        }

        var now = clock.GetUtcNow();
        var terms = await catalog.TermsForAsync(db, order, cancellationToken);
        var timers = await db.DurableTimers.Where(t => t.WorkOrderId == order.Id).ToListAsync(cancellationToken);
        escalator.Escalate(db, new TimerRows(db, order, timers), order, terms, order.EscalationLevel + 1, reason!, actor!, now, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Conflict($"{order.Number} changed while escalating it; reload it and try again.");
        }

        return new(EscalationOutcome.Escalated, WorkOrderView.From(order), null, errors.ToDictionary());

        EscalationResult Conflict(string problem) => new(EscalationOutcome.Conflict, null, problem, errors.ToDictionary());
    }

    private static IQueryable<WorkOrder> Find(IQueryable<WorkOrder> orders, string idOrNumber)
    {
        if (Guid.TryParse(idOrNumber, out var id))
        {
            return orders.Where(w => w.Id == id);
        }

        var number = idOrNumber.Trim().ToUpperInvariant();
        return WorkOrderNumbers.LooksLikeNumber(number) ? orders.Where(w => w.Number == number) : orders.Where(_ => false);
    }
}

/// <summary>A manual escalation: who escalates and why.</summary>
public sealed record EscalationRequest(string? Actor, string? Reason);

public enum EscalationOutcome
{
    Escalated,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record EscalationResult(
    EscalationOutcome Outcome, WorkOrderView? WorkOrder, string? Problem, IDictionary<string, string[]> Errors);
