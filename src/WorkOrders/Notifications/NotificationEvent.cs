using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>
/// A work-order event as the channels see it: the event row with the order's current number, status, assignee,
/// site and contact. <see cref="Type"/> is an open string (new event types arrive without code changes here).
/// </summary>
public sealed record NotificationEvent(
    long EventId,
    Guid OrderId,
    string Number,
    string Type,
    WorkOrderStatus Status,
    DateTimeOffset At,
    string? Actor,
    string? Note,
    string? DataJson,
    string? AssigneeId,
    string? Site,
    string? ContactEmail,
    string? ContactPhone,
    string? TrackingToken,
    DateTimeOffset? ResponseDueAt);
