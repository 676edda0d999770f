using WorkOrders.Maintenance.Sla;

namespace WorkOrders.WorkOrders.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Mon–Fri 08:00–17:00 in Stockholm (UTC+1 in winter), closed on Christmas Eve and Christmas Day 2026.
    private static readonly BusinessCalendar Stockholm = OfficeHours("Europe/Stockholm", new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25));

    [Fact]
    public void CarriesWorkOvernight_IntoTheNextMorning()
    {
        var tuesday1600 = Local(2026, 1, 13, 16, 0, 1);

        var due = Stockholm.Add(tuesday1600, TimeSpan.FromHours(2));

        Assert.Equal(Local(2026, 1, 14, 9, 0, 1), due);
    }

    [Fact]
    public void SkipsTheWeekend()
    {
        var friday1630 = Local(2026, 1, 16, 16, 30, 1);

        var due = Stockholm.Add(friday1630, TimeSpan.FromHours(1));

        Assert.Equal(Local(2026, 1, 19, 8, 30, 1), due);
    }

    [Fact]
    public void StartsCountingAtTheNextOpening_WhenOpenedOutsideHours()
    {
        var saturday1000 = Local(2026, 1, 17, 10, 0, 1);

        var due = Stockholm.Add(saturday1000, TimeSpan.FromMinutes(30));

        Assert.Equal(Local(2026, 1, 19, 8, 30, 1), due);
    }

    [Fact]
    public void SkipsHolidays_AndTheWeekendAfterThem()
    {
        var wednesday23rd1600 = Local(2026, 12, 23, 16, 0, 1);

        var due = Stockholm.Add(wednesday23rd1600, TimeSpan.FromHours(2));

        Assert.Equal(Local(2026, 12, 28, 9, 0, 1), due);
    }

    [Fact]
    public void EndsExactlyAtClosing_WhenTheTargetFillsTheDay()
    {
        var monday0800 = Local(2026, 1, 19, 8, 0, 1);

        Assert.Equal(Local(2026, 1, 19, 17, 0, 1), Stockholm.Add(monday0800, TimeSpan.FromHours(9)));
    }

    [Fact]
    public void KeepsLocalOpeningHours_AcrossADaylightSavingChange()
    {
        // New York moves to EDT (UTC-4) on Sunday 8 March 2026; Friday is still EST (UTC-5).
        var newYork = OfficeHours("America/New_York");
        var friday1600Est = new DateTimeOffset(2026, 3, 6, 21, 0, 0, TimeSpan.Zero);

        var due = newYork.Add(friday1600Est, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(2), newYork.Between(friday1600Est, due));
    }

    [Fact]
    public void CountsTheRealHoursOfAShortDay_WhenOpenAroundTheClock()
    {
        // Berlin springs forward on 29 March 2026: that local day has 23 hours.
        var berlin = new BusinessCalendar(
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
            Enum.GetValues<DayOfWeek>().Select(d => new BusinessHours(d, TimeSpan.Zero, TimeSpan.FromDays(1))),
            []);
        var saturdayNoon = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.FromHours(1));

        var due = berlin.Add(saturdayNoon, TimeSpan.FromHours(24));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 13, 0, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(TimeSpan.FromHours(24), berlin.Between(saturdayNoon, due));
    }

    [Fact]
    public void MeasuresOnlyOpenTime_BetweenTwoInstants()
    {
        var friday1500 = Local(2026, 1, 16, 15, 0, 1);
        var monday1000 = Local(2026, 1, 19, 10, 0, 1);

        Assert.Equal(TimeSpan.FromHours(4), Stockholm.Between(friday1500, monday1000));
        Assert.Equal(TimeSpan.Zero, Stockholm.Between(monday1000, friday1500));
    }

    [Fact]
    public void AlwaysOpen_AddsPlainElapsedTime()
    {
        var start = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(start.AddHours(30), BusinessCalendar.AlwaysOpen.Add(start, TimeSpan.FromHours(30)));
        Assert.Equal(TimeSpan.FromHours(30), BusinessCalendar.AlwaysOpen.Between(start, start.AddHours(30)));
    }

    [Fact]
    public void RefusesACalendarWithoutOpenHours()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(TimeZoneInfo.Utc, [], []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(
            TimeZoneInfo.Utc, [new BusinessHours(DayOfWeek.Monday, TimeSpan.FromHours(17), TimeSpan.FromHours(8))], []));
    }

    private static BusinessCalendar OfficeHours(string zone, params DateOnly[] holidays) => new(
        TimeZoneInfo.FindSystemTimeZoneById(zone),
        Weekdays.Select(d => new BusinessHours(d, TimeSpan.FromHours(8), TimeSpan.FromHours(17))),
        holidays);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));
}
