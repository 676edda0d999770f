using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Planning;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Planning;

[Collection(DatabaseCollection.Name)]
public sealed class BatchPlanningServiceTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ADryRun_ChangesNothing_AndApply_SchedulesThePreventiveOrders_InsideWorkingHours(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var settings = store.Services.GetRequiredService<Maintenance.Dispatch.DispatchSettingsService>();
        await settings.PutSiteAsync("plant-north", new("plant-north", null, 59.3350, 18.0600));
        // Opened while nobody is registered, so the predictive orders stay New for the planner.
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var opened = await store.WorkOrders.OpenPredictiveAsync(new PredictiveWorkOrderRequest(
                $"pump-{i}/episode/1", $"pump-{i}", "pump", "plant-north", "Bearing wear", "vibration", 0.3, TestStore.Start, TestStore.Start.AddDays(3)));
            numbers.Add(opened.Number);
        }

        // Saturday 14 March 2026: working Monday and Tuesday 08:00-14:00 Stockholm (07:00-13:00 UTC); three 90-minute jobs fit Monday.
        var registered = await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-plan", "Planner Pia", "plant-north", [new EngineerSkillView("pump", 3)], HomeLatitude: 59.34, HomeLongitude: 18.07,
            TimeZone: "Europe/Stockholm", WorkingHours: [new("Monday", "08:00", "14:00"), new("Tuesday", "08:00", "14:00")]));
        Assert.True(registered.IsValid);
        var planning = store.Services.GetRequiredService<BatchPlanningService>();

        var dryRun = (await planning.PlanAsync(new PlanRequest(Days: 4, Planner: "greedy"))).Plan!;
        var untouched = await store.WorkOrders.GetAsync(numbers[0]);
        var applied = (await planning.PlanAsync(new PlanRequest(Days: 4, Apply: true))).Plan!;

        Assert.False(dryRun.Applied);
        Assert.Equal(3, dryRun.Orders.Count);
        Assert.Equal(WorkOrderStatus.New, untouched!.Status);
        Assert.True(applied.Applied);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), applied.Orders.Select(o => o.Number).Order(StringComparer.Ordinal));
        Assert.All(applied.Orders, o => Assert.InRange(o.StartAt, new DateTimeOffset(2026, 3, 16, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero)));
        Assert.All(applied.Orders, o => Assert.True(o.EndAt <= new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero)));
        foreach (var number in numbers)
        {
            var order = (await store.WorkOrders.GetAsync(number))!;
            Assert.Equal((WorkOrderStatus.Dispatched, "eng-plan"), (order.Status, order.AssigneeId));
        }

        await using var db = store.CreateDbContext();
        var scheduled = db.WorkOrders.Where(w => numbers.Contains(w.Number)).Select(w => w.ScheduledStartAt).ToList();
        Assert.Equal(applied.Orders.Select(o => (DateTimeOffset?)o.StartAt).Order(), scheduled.Order());
    }

    [Fact]
    public async Task APlanRequest_WithBadFields_GetsAMessagePerField()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.Services.GetRequiredService<BatchPlanningService>().PlanAsync(new PlanRequest(Days: 0, Planner: "magic"));

        Assert.Null(result.Plan);
        Assert.Equal(["days", "planner"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
