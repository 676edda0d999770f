using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Roles;

/// <summary>Who is acting on a work order. Stored on events as its name; append new roles, never rename.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorRole>))]
public enum ActorRole
{
    /// <summary>A field engineer; may move only orders assigned to them.</summary>
    Engineer,

    /// <summary>Assigns, reassigns and closes orders.</summary>
    Dispatcher,

    /// <summary>Plans preventive work; the dispatcher's rights.</summary>
    Planner,

    /// <summary>Phone or service-desk agent acting for a customer.</summary>
    Agent,

    /// <summary>The customer or site contact.</summary>
    Customer,

    /// <summary>The platform itself (prediction, automatic dispatch, timers).</summary>
    System,

    /// <summary>May make every move.</summary>
    Admin,
}
