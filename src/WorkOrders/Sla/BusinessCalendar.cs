namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// Business-time arithmetic: weekly open hours in a time zone, closed on holidays (local dates). Business time is
/// real elapsed time inside open hours, so a day with a DST change counts the hours it really has.
/// <see cref="AlwaysOpen"/> is 24/7.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDays = 3700;
    private readonly ILookup<DayOfWeek, BusinessHours> hours;
    private readonly HashSet<DateOnly> holidays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<BusinessHours> weeklyHours, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        ArgumentNullException.ThrowIfNull(holidays);
        Zone = zone;
        var list = weeklyHours.OrderBy(h => h.Start).ToList();
        if (list.Count == 0 || list.Any(h => h.Start < TimeSpan.Zero || h.End > TimeSpan.FromDays(1) || h.End <= h.Start))
        {
            throw new ArgumentException("Weekly hours need at least one period, each within 00:00..24:00 and ending after it starts.", nameof(weeklyHours));
        }

        hours = list.ToLookup(h => h.Day);
        this.holidays = [.. holidays];
    }

    private BusinessCalendar()
    {
        Zone = TimeZoneInfo.Utc;
        hours = Enumerable.Empty<BusinessHours>().ToLookup(h => h.Day);
        holidays = [];
        IsAlwaysOpen = true;
    }

    /// <summary>Open every minute of every day.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new();

    public TimeZoneInfo Zone { get; }

    public bool IsAlwaysOpen { get; }

    /// <summary>The instant at which <paramref name="businessTime"/> of open time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (businessTime <= TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        if (IsAlwaysOpen)
        {
            return (start + businessTime).ToUniversalTime();
        }

        var left = businessTime;
        foreach (var (open, close) in OpenPeriods(start))
        {
            var from = open > start ? open : start;
            if (close <= from)
            {
                continue;
            }

            var available = close - from;
            if (left <= available)
            {
                return (from + left).ToUniversalTime();
            }

            left -= available;
        }

        throw new InvalidOperationException($"The calendar has no open hours in the {MaxDays} days after {start:O}.");
    }

    /// <summary>Open time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (IsAlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var (open, close) in OpenPeriods(from))
        {
            if (open >= to)
            {
                break;
            }

            var start = open > from ? open : from;
            var end = close < to ? close : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Open periods in UTC, in order, from the local day that contains <paramref name="start"/>.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> OpenPeriods(DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (holidays.Contains(day))
            {
                continue;
            }

            foreach (var period in hours[day.DayOfWeek])
            {
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                yield return (ToUtc(midnight + period.Start), ToUtc(midnight + period.End));
            }
        }
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a DST change moves forward out of the gap.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
