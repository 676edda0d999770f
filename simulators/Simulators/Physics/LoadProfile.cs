namespace WorkOrders.Simulators.Physics;

/// <summary>
/// Plant demand through the week: two shifts from 06:00 to 22:00 on weekdays, a skeleton crew at night and at weekends.
/// Simulated time is read as plant-local time.
/// </summary>
internal static class LoadProfile
{
    public static double DayShift(DateTimeOffset time)
    {
        var hour = time.UtcDateTime.TimeOfDay.TotalHours;
        return Logistic((hour - 6) / 0.25) - Logistic((hour - 22) / 0.25);
    }

    public static double Demand(DateTimeOffset time)
    {
        var weekend = time.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var shift = DayShift(time);
        return weekend ? 0.3 + (0.15 * shift) : 0.4 + (0.45 * shift);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
