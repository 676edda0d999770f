using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// The three SLA targets and the status that meets each: Response at Accepted, Arrival at OnSite, Resolution at Completed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SlaMilestone>))]
public enum SlaMilestone
{
    Response,
    Arrival,
    Resolution,
}
