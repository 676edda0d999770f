using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.WorkOrders.Tests.Dispatch;

public sealed class DispatchScoringTests
{
    // Saturday 14 March 2026, 09:00 UTC (10:00 in Stockholm).
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly DispatchOptions Options = new();

    private static readonly DispatchOrder PumpJob = new(
        "pump", "plant-north", "stockholm", WorkOrderPriority.Medium, 59.3350, 18.0600, Now.AddHours(24), null, 1, []);

    [Fact]
    public void ExcludesExpiredCertification_WrongRegion_AndOffHours_NamingEachRule()
    {
        var order = PumpJob with { RequiredCertifications = ["pressure-vessels"] };
        var engineers = new[]
        {
            Facts(Make("eng-ok", certificate: ("pressure-vessels", Now.AddDays(30)))),
            Facts(Make("eng-expired", certificate: ("pressure-vessels", Now.AddDays(-1)))),
            Facts(Make("eng-uncertified")),
            Facts(Make("eng-gothenburg", region: "gothenburg", certificate: ("pressure-vessels", null))),
            Facts(Make("eng-weekdays", certificate: ("pressure-vessels", null), shifts: Weekdays(8, 17))),
            Facts(Make("eng-junior", level: 1, certificate: ("pressure-vessels", null))),
        };

        var decision = DispatchScoring.Decide(order with { MinSkillLevel = 2 }, engineers, Now, Options);

        Assert.Equal("eng-ok", decision.ChosenEngineerId);
        Assert.Equal(["eng-ok"], decision.Candidates.Select(c => c.EngineerId));
        Assert.Equal(
            [
                ("eng-expired", "certification", "certificate pressure-vessels expired on 2026-03-13"),
                ("eng-gothenburg", "region", "works in region gothenburg, the order is in stockholm"),
                ("eng-junior", "skill", "pump level 1 is below the required 2"),
                ("eng-uncertified", "certification", "lacks the required certificate pressure-vessels"),
                ("eng-weekdays", "hours", "off shift: next shift starts 2026-03-16 07:00 UTC, later than 2 h from now"),
            ],
            decision.Excluded.Select(e => (e.EngineerId, e.Rule, e.Reason)));
        Assert.Contains("Filtered out: eng-expired: certification", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsAnEngineerWhoseShiftStartsSoon_AsAvailable()
    {
        // Saturday 08:00 Stockholm is 07:00 UTC; at 06:00 UTC the shift is an hour away.
        var early = Now.AddHours(-3);
        var engineer = Make("eng-saturday", shifts: [new() { EngineerId = "eng-saturday", Day = DayOfWeek.Saturday, StartMinute = 8 * 60, EndMinute = 12 * 60 }]);

        var soon = DispatchScoring.WhyExcluded(PumpJob, engineer, early, Options);
        var tooEarly = DispatchScoring.WhyExcluded(PumpJob, engineer, early.AddHours(-2), Options);

        Assert.Null(soon);
        Assert.Equal("hours", tooEarly?.Rule);
    }

    [Fact]
    public void PrefersTheNearerEngineer_AndTheCurrentLocationOverTheHomeBase()
    {
        var near = Make("eng-near", home: (59.3360, 18.0610));
        var far = Make("eng-far", home: (59.8586, 17.6389)); // Uppsala, ~65 km
        var farButHere = Make("eng-visiting", home: (59.8586, 17.6389));
        farButHere.CurrentLatitude = 59.3351;
        farButHere.CurrentLongitude = 18.0601;
        farButHere.LocationReportedAt = Now.AddMinutes(-20);

        var byDistance = DispatchScoring.Decide(PumpJob, [Facts(far), Facts(near)], Now, Options);
        var byLocation = DispatchScoring.Decide(PumpJob, [Facts(near), Facts(farButHere)], Now, Options);

        Assert.Equal("eng-near", byDistance.ChosenEngineerId);
        Assert.InRange(byDistance.Candidates[1].DistanceKm!.Value, 60, 70);
        Assert.Equal("eng-visiting", byLocation.ChosenEngineerId);
        Assert.Contains("from current location", byLocation.Candidates[0].Parts.Single(p => p.Factor == "distance").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePreferredEngineer_WinsOverAnEquallyPlacedColleague()
    {
        var a = Make("eng-a", home: (59.3360, 18.0610));
        var b = Make("eng-b", home: (59.3360, 18.0610));

        var without = DispatchScoring.Decide(PumpJob, [Facts(a), Facts(b)], Now, Options);
        var with = DispatchScoring.Decide(PumpJob with { PreferredEngineerId = "eng-b" }, [Facts(a), Facts(b)], Now, Options);

        Assert.Equal("eng-a", without.ChosenEngineerId);
        Assert.Equal("eng-b", with.ChosenEngineerId);
        Assert.Equal(Options.PreferredEngineerWeight, with.Candidates[0].Parts.Single(p => p.Factor == "preferred").Points);
    }

    [Fact]
    public void AFirstTimeFixRecord_OnTheAssetType_RaisesTheScore()
    {
        var decision = DispatchScoring.Decide(PumpJob, [Facts(Make("eng-rework"), completed: 10, fixedFirstTime: 3), Facts(Make("eng-reliable"), completed: 10, fixedFirstTime: 10)], Now, Options);

        Assert.Equal("eng-reliable", decision.ChosenEngineerId);
        Assert.Equal("10 of 10 pump job(s) fixed first time, rate 0.92", decision.Candidates[0].Parts.Single(p => p.Factor == "first_time_fix").Detail);
    }

    [Fact]
    public void AnUrgentOrder_PenalisesArrivingAfterTheResponseDueTime_MoreThanALowOne()
    {
        var far = Make("eng-far", home: (59.8586, 17.6389)); // ~65 km: ~1.6 h at 40 km/h
        var urgent = PumpJob with { Priority = WorkOrderPriority.Urgent, ResponseDueAt = Now.AddHours(1) };
        var low = PumpJob with { Priority = WorkOrderPriority.Low, ResponseDueAt = Now.AddHours(1) };

        var urgentScore = DispatchScoring.Score(urgent, Facts(far), Now, Options);
        var lowScore = DispatchScoring.Score(low, Facts(far), Now, Options);

        var urgentSlack = urgentScore.Parts.Single(p => p.Factor == "sla_slack");
        Assert.True(urgentSlack.Points < 0, urgentSlack.Detail);
        Assert.Equal(4 * lowScore.Parts.Single(p => p.Factor == "sla_slack").Points, urgentSlack.Points, 6);
        Assert.Contains("h after the response is due, × 2 for Urgent priority", urgentSlack.Detail, StringComparison.Ordinal);
    }

    private static EngineerFacts Facts(Engineer engineer, int open = 0, int completed = 0, int fixedFirstTime = 0) =>
        new(engineer, open, completed, fixedFirstTime);

    private static Engineer Make(
        string id, string region = "stockholm", int level = 3, (string Code, DateTimeOffset? Expires)? certificate = null,
        List<EngineerShift>? shifts = null, (double Lat, double Lon)? home = null) =>
        new()
        {
            Id = id,
            Name = id,
            Site = "plant-north",
            Region = region,
            HomeLatitude = home?.Lat,
            HomeLongitude = home?.Lon,
            TimeZone = "Europe/Stockholm",
            Skills = [new() { EngineerId = id, AssetType = "pump", Level = level }],
            Certifications = certificate is { } c ? [new() { EngineerId = id, Code = c.Code, ExpiresAt = c.Expires }] : [],
            Shifts = shifts?.ConvertAll(s => { s.EngineerId = id; return s; }) ?? [],
        };

    private static List<EngineerShift> Weekdays(int fromHour, int toHour) =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new EngineerShift { EngineerId = "", Day = d, StartMinute = fromHour * 60, EndMinute = toHour * 60 })];
}
