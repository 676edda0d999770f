namespace WorkOrders.Maintenance.Sla;

/// <summary>A business-hours calendar row: weekly hours in an IANA time zone and holidays, as JSON.</summary>
public sealed class SlaCalendar
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>An IANA zone such as <c>Europe/Stockholm</c>.</summary>
    public required string TimeZone { get; set; }

    /// <summary>A JSON array of <see cref="BusinessHours"/>.</summary>
    public string HoursJson { get; set; } = "[]";

    /// <summary>A JSON array of local dates (<c>2026-12-25</c>) on which the calendar is closed all day.</summary>
    public string HolidaysJson { get; set; } = "[]";

    public IReadOnlyList<BusinessHours> Hours => SlaJson.Hours(HoursJson);

    public IReadOnlyList<DateOnly> Holidays => SlaJson.Holidays(HolidaysJson);

    public BusinessCalendar ToBusinessCalendar() =>
        new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Hours, Holidays);
}
