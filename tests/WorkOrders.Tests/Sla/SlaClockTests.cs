using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using static WorkOrders.WorkOrders.Tests.Sla.SlaScenario;

namespace WorkOrders.WorkOrders.Tests.Sla;

[Collection(DatabaseCollection.Name)]
public sealed class SlaClockTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WarnsAt75Percent_BreachesAtTheTarget_AndClimbsTheLadder_OnBusinessHours_EachOnce(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await ArrangeAsync(store, response: TimeSpan.FromHours(2), arrival: TimeSpan.FromHours(4), resolution: TimeSpan.FromHours(8));

        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;

        // Opened on Saturday: the clocks start at Monday 08:00 Stockholm (07:00 UTC).
        Assert.Equal((Monday.AddHours(9), Monday.AddHours(15)), (order.ResponseDueAt, order.ResolutionDueAt));
        Assert.Equal(WorkOrderStatus.Dispatched, order.Status);
        Assert.Empty(await RunAtAsync(store, order.Number, Monday.AddHours(8).AddMinutes(29)));
        Assert.Equal(["sla-warning response → assignee:eng-a"], await RunAtAsync(store, order.Number, Monday.AddHours(8).AddMinutes(30)));
        Assert.Empty(await RunAtAsync(store, order.Number, Monday.AddHours(8).AddMinutes(59)));
        Assert.Equal(
            ["escalated L1 → assignee:eng-a", "sla-breached response → assignee:eng-a"],
            await RunAtAsync(store, order.Number, Monday.AddHours(9)));
        Assert.Equal(
            ["escalated L2 → team-lead:eng-lead", "sla-warning arrival → assignee:eng-a"],
            await RunAtAsync(store, order.Number, Monday.AddHours(10)));
        Assert.Equal(["sla-breached arrival → team-lead:eng-lead"], await RunAtAsync(store, order.Number, Monday.AddHours(11)));
        Assert.Equal(["escalated L3 → manager:eng-boss"], await RunAtAsync(store, order.Number, Monday.AddHours(12)));
        Assert.Equal(
            ["sla-breached resolution → manager:eng-boss", "sla-warning resolution → manager:eng-boss"],
            await RunAtAsync(store, order.Number, Monday.AddDays(1)));
        Assert.Empty(await RunAtAsync(store, order.Number, Monday.AddDays(7)));
        Assert.Equal(9, (await SlaEventsAsync(store, order.Number)).Count);
        Assert.Equal(3, (await ClockAsync(store, order.Number)).EscalationLevel);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PausedBusinessTime_MovesTheDueTimesOut_AndTheWarningAndLadderFollowThem(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await ArrangeAsync(store, response: TimeSpan.FromHours(2), arrival: TimeSpan.FromHours(4), resolution: TimeSpan.FromHours(8));
        var number = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.Number;
        store.Clock.SetUtcNow(Monday.AddHours(8));
        foreach (var to in new[] { WorkOrderStatus.Accepted, WorkOrderStatus.OnSite, WorkOrderStatus.InProgress })
        {
            Assert.Equal(TransitionOutcome.Moved, (await MoveAsync(store, number, to)).Outcome);
        }

        store.Clock.SetUtcNow(Monday.AddHours(9));
        await MoveAsync(store, number, WorkOrderStatus.WaitingForParts);
        var paused = await ClockAsync(store, number);
        Assert.Empty(await RunAtAsync(store, number, Monday.AddHours(13)));
        store.Clock.SetUtcNow(Monday.AddDays(1).AddHours(9));
        await MoveAsync(store, number, WorkOrderStatus.InProgress);
        var resumed = await ClockAsync(store, number);

        Assert.Equal((Monday.AddHours(9), Monday.AddHours(15)), (paused.PausedSince, paused.ResolutionDueAt));
        // Paused Monday 09:00–16:00 and Tuesday 07:00–09:00 UTC of open hours: nine hours; the night does not count.
        Assert.Equal((null, TimeSpan.FromHours(9)), (resumed.PausedSince, resumed.PausedFor));
        Assert.Equal(Monday.AddDays(1).AddHours(15), resumed.ResolutionDueAt);
        Assert.Empty(await RunAtAsync(store, number, Monday.AddDays(1).AddHours(12).AddMinutes(59)));
        Assert.Equal(["sla-warning resolution → assignee:eng-a"], await RunAtAsync(store, number, Monday.AddDays(1).AddHours(13)));
        Assert.Equal(
            ["escalated L1 → assignee:eng-a", "sla-breached resolution → assignee:eng-a"],
            await RunAtAsync(store, number, Monday.AddDays(1).AddHours(15)));
        Assert.Equal(["escalated L2 → team-lead:eng-lead"], await RunAtAsync(store, number, Monday.AddDays(1).AddHours(16)));
        // Two business hours after Tuesday's closing: Wednesday 10:00 Stockholm.
        Assert.Empty(await RunAtAsync(store, number, Monday.AddDays(2).AddHours(8).AddMinutes(59)));
        Assert.Equal(["escalated L3 → manager:eng-boss"], await RunAtAsync(store, number, Monday.AddDays(2).AddHours(9)));
        Assert.Equal(5, (await SlaEventsAsync(store, number)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EscalatesAStalledOrder_OnceTheStallTimePassesWithoutAStatusChange(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await ArrangeAsync(
            store, response: TimeSpan.FromHours(40), arrival: TimeSpan.FromHours(40), resolution: TimeSpan.FromHours(80),
            stallAfter: TimeSpan.FromHours(3));
        var number = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.Number;

        // Stalled from Monday 10:00 UTC unless it moves; accepting at 09:00 restarts the stall time.
        store.Clock.SetUtcNow(Monday.AddHours(9));
        await MoveAsync(store, number, WorkOrderStatus.Accepted);

        Assert.Empty(await RunAtAsync(store, number, Monday.AddHours(10)));
        Assert.Empty(await RunAtAsync(store, number, Monday.AddHours(11).AddMinutes(59)));
        Assert.Equal(["escalated L1 → assignee:eng-a"], await RunAtAsync(store, number, Monday.AddHours(12)));
        Assert.Equal(["escalated L2 → team-lead:eng-lead"], await RunAtAsync(store, number, Monday.AddHours(13)));
        var events = await store.WorkOrders.GetEventsAsync(number);
        Assert.Contains("no status change for 03:00:00", events!.First(e => e.Type == SlaEventTypes.Escalated).Note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task StopsEveryClock_WhenTheOrderIsCompleted(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await ArrangeAsync(store, response: TimeSpan.FromHours(2), arrival: TimeSpan.FromHours(4), resolution: TimeSpan.FromHours(8), stallAfter: TimeSpan.FromHours(1));
        var number = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.Number;
        store.Clock.SetUtcNow(Monday.AddHours(7).AddMinutes(30));
        foreach (var to in new[] { WorkOrderStatus.Accepted, WorkOrderStatus.OnSite, WorkOrderStatus.InProgress, WorkOrderStatus.Completed })
        {
            await MoveAsync(store, number, to);
        }

        var clock = await ClockAsync(store, number);

        Assert.Empty(await RunAtAsync(store, number, Monday.AddDays(7)));
        Assert.DoesNotContain(clock.Timers, t => t.FiredAt is null);
    }

    private static async Task<SlaClockView> ClockAsync(TestStore store, string number) =>
        (await store.Services.GetRequiredService<SlaAdministration>().ClockAsync(number))!;
}
