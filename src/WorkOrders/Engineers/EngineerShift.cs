namespace WorkOrders.Maintenance.Engineers;

/// <summary>
/// One block of weekly working time in the engineer's <see cref="Engineer.TimeZone"/>: <see cref="Day"/> from
/// <see cref="StartMinute"/> to <see cref="EndMinute"/> (minutes after local midnight, end ≤ 1440; a night shift is
/// two blocks).
/// </summary>
public sealed class EngineerShift
{
    public const int MinutesPerDay = 1440;

    public required string EngineerId { get; set; }

    public DayOfWeek Day { get; set; }

    public int StartMinute { get; set; }

    public int EndMinute { get; set; }
}
