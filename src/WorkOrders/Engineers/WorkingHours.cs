namespace WorkOrders.Maintenance.Engineers;

/// <summary>A span of time in UTC, start inclusive, end exclusive.</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    public TimeSpan Length => End - Start;
}

/// <summary>Turns an engineer's weekly shifts in their time zone into concrete UTC windows.</summary>
public static class WorkingHours
{
    /// <summary>The time zone for <paramref name="id"/> (IANA or Windows id); UTC for null; null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    /// <summary>
    /// The UTC windows in which the engineer works between <paramref name="from"/> and <paramref name="to"/>, in order
    /// and merged; an engineer with no shifts works the whole span.
    /// </summary>
    public static IReadOnlyList<TimeWindow> Windows(
        IReadOnlyCollection<EngineerShift> shifts, string? timeZone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        if (to <= from)
        {
            return [];
        }

        if (shifts.Count == 0)
        {
            return [new(from, to)];
        }

        var zone = FindZone(timeZone) ?? TimeZoneInfo.Utc;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        var windows = new List<TimeWindow>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var shift in shifts.Where(s => s.Day == day.DayOfWeek))
            {
                var start = ToUtc(day, shift.StartMinute, zone);
                var end = ToUtc(day, shift.EndMinute, zone);
                var clipped = new TimeWindow(start > from ? start : from, end < to ? end : to);
                if (clipped.End > clipped.Start)
                {
                    windows.Add(clipped);
                }
            }
        }

        windows.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TimeWindow>();
        foreach (var window in windows)
        {
            if (merged.Count > 0 && window.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = window.End > merged[^1].End ? window.End : merged[^1].End };
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }

    /// <summary>The first moment from <paramref name="at"/> on, within <paramref name="within"/>, that the engineer works; null if none.</summary>
    public static DateTimeOffset? NextWorkingAt(
        IReadOnlyCollection<EngineerShift> shifts, string? timeZone, DateTimeOffset at, TimeSpan within)
    {
        var windows = Windows(shifts, timeZone, at, at + within + TimeSpan.FromTicks(1));
        return windows.Count == 0 ? null : windows[0].Start;
    }

    private static DateTimeOffset ToUtc(DateOnly day, int minute, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the hour skipped when clocks go forward
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }
}
