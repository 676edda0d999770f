namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>
/// A work order from a person or a system (<c>POST /api/workorders</c>). Enums are names (any case) so each
/// bad field gets its own message. A repeated <see cref="IdempotencyKey"/> returns the order opened first.
/// <see cref="Category"/> is a category code (<c>repair</c>; <c>PreventiveMaintenance</c> is read as
/// <c>preventive-maintenance</c>) whose template says which fields are required. Customer, tier and contact are
/// looked up from the site (or the device's site) when not given. <see cref="Fields"/> holds the template's free
/// values. An open order of the same device and category makes this one a linked duplicate unless
/// <see cref="AllowDuplicate"/> is true.
/// </summary>
public sealed record NewWorkOrder(
    string? Source,
    string? Category,
    string? Title,
    string? Description = null,
    string? Priority = null,
    string? DeviceId = null,
    string? AssetType = null,
    string? Site = null,
    string? IdempotencyKey = null,
    string? Actor = null,
    string? CustomerId = null,
    string? CustomerTier = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? ContactEmail = null,
    IReadOnlyDictionary<string, string?>? Fields = null,
    bool AllowDuplicate = false);

/// <summary>
/// Move an order to <see cref="To"/> (<c>POST /api/workorders/{id}/transitions</c>) as <see cref="Actor"/> acting in
/// <see cref="Role"/> (a <see cref="Roles.ActorRole"/> name), optionally from a position (<see cref="Latitude"/>,
/// <see cref="Longitude"/> in degrees, <see cref="AccuracyMeters"/>). Moving to Dispatched uses <see cref="AssigneeId"/>
/// if given, otherwise the automatic assignment; reassigning a dispatched or accepted order needs it.
/// </summary>
public sealed record WorkOrderTransitionRequest(
    string? To, string? Actor, string? Note = null, string? AssigneeId = null, string? Role = null,
    double? Latitude = null, double? Longitude = null, double? AccuracyMeters = null);

/// <summary>
/// The order created (or found by its idempotency key), or messages per field. A linked duplicate is created too,
/// with <see cref="WorkOrderView.DuplicateOfId"/> and <see cref="WorkOrderView.DuplicateOfNumber"/> set.
/// </summary>
public sealed record CreateWorkOrderResult(WorkOrderView? WorkOrder, bool Created, IDictionary<string, string[]> Errors)
{
    public bool IsValid => WorkOrder is not null;
}

public enum TransitionOutcome
{
    Moved,
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>
/// <see cref="TransitionOutcome.Moved"/> with the order; <see cref="TransitionOutcome.Invalid"/> with messages per
/// field; <see cref="TransitionOutcome.Conflict"/> with the reason the move is not possible now;
/// <see cref="TransitionOutcome.Forbidden"/> with the roles that may make it.
/// </summary>
public sealed record TransitionResult(TransitionOutcome Outcome, WorkOrderView? WorkOrder, string? Problem, IDictionary<string, string[]> Errors)
{
    internal static TransitionResult NotFound() => new(TransitionOutcome.NotFound, null, null, new Dictionary<string, string[]>());

    internal static TransitionResult Conflict(string reason) => new(TransitionOutcome.Conflict, null, reason, new Dictionary<string, string[]>());

    internal static TransitionResult Forbidden(string reason) => new(TransitionOutcome.Forbidden, null, reason, new Dictionary<string, string[]>());

    internal static TransitionResult Invalid(IDictionary<string, string[]> errors) => new(TransitionOutcome.Invalid, null, null, errors);

    internal static TransitionResult Moved(WorkOrder order) =>
        new(TransitionOutcome.Moved, WorkOrderView.From(order), null, new Dictionary<string, string[]>());
}
