using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Models;

/// <summary>
/// What a forecast asks for: an urgent order (<see cref="DueBy"/> null: the SLA's due times, pulled forward to the
/// predicted failure), or a schedulable preventive one due by <see cref="DueBy"/>.
/// </summary>
public sealed record PredictivePlan(WorkOrderPriority Priority, DateTimeOffset? DueBy, bool Imminent);
