using System.Text.Json;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>A work order as the API shows it, with the statuses it may move to next.</summary>
public sealed record WorkOrderView(
    Guid Id,
    string Number,
    WorkOrderSource Source,
    string Category,
    WorkOrderStatus Status,
    WorkOrderPriority Priority,
    string Title,
    string Description,
    string? DeviceId,
    string? AssetType,
    string? Site,
    string? AssigneeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? ResolutionDueAt,
    double? Severity,
    DateTimeOffset? PredictedFailureAt,
    IReadOnlyList<WorkOrderStatus> AllowedTransitions,
    string? CustomerId = null,
    string? CustomerTier = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? ContactEmail = null,
    IReadOnlyDictionary<string, string>? Fields = null,
    Guid? DuplicateOfId = null,
    string? DuplicateOfNumber = null)
{
    /// <summary>The view of <paramref name="order"/>; <paramref name="duplicateOfNumber"/> is the number behind <see cref="WorkOrder.DuplicateOfId"/>.</summary>
    public static WorkOrderView From(WorkOrder order, string? duplicateOfNumber)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id, order.Number, order.Source, order.Category, order.Status, order.Priority, order.Title, order.Description,
            order.DeviceId, order.AssetType, order.Site, order.AssigneeId, order.CreatedAt, order.UpdatedAt,
            order.ResponseDueAt, order.ResolutionDueAt, order.Severity, order.PredictedFailureAt,
            WorkOrderStateMachine.AllowedFrom(order.Status),
            order.CustomerId, order.CustomerTier, order.ContactName, order.ContactPhone, order.ContactEmail,
            Intake.IntakeJson.ParseFields(order.TemplateFieldsJson), order.DuplicateOfId, duplicateOfNumber);
    }

    /// <summary>Method-group form of <see cref="From(WorkOrder, string?)"/> for <c>ConvertAll</c>.</summary>
    public static WorkOrderView From(WorkOrder order) => From(order, null);
}

/// <summary>One history entry; <see cref="Data"/> is the event's JSON object, if it has one.</summary>
public sealed record WorkOrderEventView(long Id, DateTimeOffset At, string Type, string? Actor, string? Note, JsonElement? Data)
{
    public static WorkOrderEventView From(WorkOrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        JsonElement? data = null;
        if (e.DataJson is not null)
        {
            using var document = JsonDocument.Parse(e.DataJson);
            data = document.RootElement.Clone();
        }

        return new(e.Id, e.At, e.Type, e.Actor, e.Note, data);
    }
}

/// <summary>One page of a query, newest first, with the total across all pages.</summary>
public sealed record WorkOrderPage(IReadOnlyList<WorkOrderView> Items, int Page, int PageSize, int Total);
