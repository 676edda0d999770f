using System.Text.Json;
using System.Text.Json.Serialization;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>The JSON stored in SLA rows and written to SLA events.</summary>
internal static class SlaJson
{
    public static IReadOnlyList<BusinessHours> Hours(string json) =>
        JsonSerializer.Deserialize(json, SlaJsonContext.Default.ListBusinessHours) ?? [];

    public static string Hours(IEnumerable<BusinessHours> hours) =>
        JsonSerializer.Serialize(hours.ToList(), SlaJsonContext.Default.ListBusinessHours);

    public static IReadOnlyList<DateOnly> Holidays(string json) =>
        JsonSerializer.Deserialize(json, SlaJsonContext.Default.ListDateOnly) ?? [];

    public static string Holidays(IEnumerable<DateOnly> dates) =>
        JsonSerializer.Serialize(dates.Order().ToList(), SlaJsonContext.Default.ListDateOnly);

    public static IReadOnlyList<WorkOrderStatus> Statuses(string csv) =>
        [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<WorkOrderStatus>)];

    public static string Statuses(IEnumerable<WorkOrderStatus> statuses) => string.Join(",", statuses.Distinct());

    public static string Event(SlaEventData data) => JsonSerializer.Serialize(data, SlaJsonContext.Default.SlaEventData);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<BusinessHours>))]
[JsonSerializable(typeof(List<DateOnly>))]
[JsonSerializable(typeof(SlaEventData))]
internal sealed partial class SlaJsonContext : JsonSerializerContext;
