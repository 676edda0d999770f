using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>Where a work order came from. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkOrderSource>))]
public enum WorkOrderSource
{
    Prediction,
    Phone,
    Web,
    Api,
    Import,
}

/// <summary>How soon the order needs attention; <see cref="Sla.SlaOptions"/> turns it into due times.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkOrderPriority>))]
public enum WorkOrderPriority
{
    Low,
    Medium,
    High,
    Urgent,
}

/// <summary>The lifecycle of an order; <see cref="WorkOrderStateMachine"/> says which moves are legal.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkOrderStatus>))]
public enum WorkOrderStatus
{
    New,
    Dispatched,
    Accepted,
    EnRoute,
    OnSite,
    InProgress,
    WaitingForParts,
    Completed,
    Verified,
    Closed,
    Rejected,
    Cancelled,
}
