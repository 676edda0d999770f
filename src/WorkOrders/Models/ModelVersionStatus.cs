using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Models;

/// <summary>A version starts as a candidate; at most one per asset type is active; the one it replaced is retired. Stored as its name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelVersionStatus>))]
public enum ModelVersionStatus
{
    Candidate,
    Active,
    Retired,
}
