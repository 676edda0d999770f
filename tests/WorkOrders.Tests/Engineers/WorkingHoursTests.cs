using WorkOrders.Maintenance.Engineers;

namespace WorkOrders.WorkOrders.Tests.Engineers;

public sealed class WorkingHoursTests
{
    [Fact]
    public void Shifts_AreLocalTime_InTheEngineersZone_AcrossTheSpringClockChange()
    {
        // Stockholm moves from UTC+1 to UTC+2 on Sunday 29 March 2026.
        EngineerShift[] shifts =
        [
            new() { EngineerId = "e", Day = DayOfWeek.Friday, StartMinute = 8 * 60, EndMinute = 16 * 60 },
            new() { EngineerId = "e", Day = DayOfWeek.Monday, StartMinute = 8 * 60, EndMinute = 16 * 60 },
        ];

        var windows = WorkingHours.Windows(shifts, "Europe/Stockholm",
            new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [
                new TimeWindow(new(2026, 3, 27, 7, 0, 0, TimeSpan.Zero), new(2026, 3, 27, 15, 0, 0, TimeSpan.Zero)),
                new TimeWindow(new(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), new(2026, 3, 30, 14, 0, 0, TimeSpan.Zero)),
            ],
            windows);
    }

    [Fact]
    public void ANightShift_WrittenAsTwoBlocks_IsOneWindow()
    {
        EngineerShift[] shifts =
        [
            new() { EngineerId = "e", Day = DayOfWeek.Monday, StartMinute = 22 * 60, EndMinute = EngineerShift.MinutesPerDay },
            new() { EngineerId = "e", Day = DayOfWeek.Tuesday, StartMinute = 0, EndMinute = 6 * 60 },
        ];

        var windows = WorkingHours.Windows(shifts, null,
            new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 18, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([new TimeWindow(new(2026, 3, 16, 22, 0, 0, TimeSpan.Zero), new(2026, 3, 17, 6, 0, 0, TimeSpan.Zero))], windows);
    }

    [Fact]
    public void AnEngineerWithoutShifts_IsAlwaysAvailable()
    {
        var at = new DateTimeOffset(2026, 3, 14, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(at, WorkingHours.NextWorkingAt([], "Europe/Stockholm", at, TimeSpan.Zero));
    }
}
