using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Sla;

/// <summary>One open period of a weekday in the calendar's local time; <see cref="End"/> may be 24:00 (<c>1.00:00:00</c>).</summary>
public sealed record BusinessHours(
    [property: JsonConverter(typeof(JsonStringEnumConverter<DayOfWeek>))] DayOfWeek Day,
    TimeSpan Start,
    TimeSpan End);
