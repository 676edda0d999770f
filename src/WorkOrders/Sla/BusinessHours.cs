namespace WorkOrders.Maintenance.Sla;

/// <summary>One open period of a weekday in the calendar's local time; <see cref="End"/> may be 24:00.</summary>
public sealed record BusinessHours(DayOfWeek Day, TimeSpan Start, TimeSpan End);
