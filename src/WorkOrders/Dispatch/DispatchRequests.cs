using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>A dispatcher sends the order to <see cref="EngineerId"/> whatever the rules say; <see cref="Reason"/> is kept.</summary>
public sealed record DispatchOverride(string? EngineerId, string? Reason, string? Actor);

/// <summary>A dispatcher confirms one of the suggested engineers (suggested mode).</summary>
public sealed record DispatchConfirmation(string? EngineerId, string? Actor);

/// <summary>An engineer claims an order from the open pool.</summary>
public sealed record PoolClaim(string? EngineerId);

/// <summary>The last dispatch event of an order (null before any), with its decision data.</summary>
public sealed record DispatchRecord(
    Guid WorkOrderId, string Number, WorkOrderStatus Status, string? AssigneeId, DispatchMode Mode, WorkOrderEventView? Decision);

/// <summary>The decision dispatch would make now, and the category's mode; nothing is stored.</summary>
public sealed record DispatchPreview(Guid WorkOrderId, string Number, DispatchMode Mode, DispatchDecision Decision);

public enum DispatchOutcome
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The order after a dispatch command, or why not: messages per field, or a conflict's reason.</summary>
public sealed record DispatchCommandResult(DispatchOutcome Outcome, WorkOrderView? WorkOrder, string? Problem, IDictionary<string, string[]> Errors)
{
    internal static DispatchCommandResult Done(WorkOrder order) => new(DispatchOutcome.Done, WorkOrderView.From(order), null, new Dictionary<string, string[]>());

    internal static DispatchCommandResult NotFound(string problem) => new(DispatchOutcome.NotFound, null, problem, new Dictionary<string, string[]>());

    internal static DispatchCommandResult Conflict(string reason) => new(DispatchOutcome.Conflict, null, reason, new Dictionary<string, string[]>());

    internal static DispatchCommandResult Invalid(IDictionary<string, string[]> errors) => new(DispatchOutcome.Invalid, null, null, errors);
}
