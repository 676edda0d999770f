using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Timers;

// The seeded standard Medium policy runs 24/7: response due after 24 h, its warning after 18 h, and the breach
// escalates to the assignee with the team-lead step one hour later.
[Collection(DatabaseCollection.Name)]
public sealed class DurableTimerTests(PostgresServer postgres)
{
    private static readonly NewWorkOrder PumpRepair = new("Phone", "Repair", "Pump leaks", AssetType: "pump", Site: "plant-north");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TimersSurviveARestart_AndFireOnceOnTheNewProcess(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        string number;
        await using (var first = StoreNode.Start(store, "node-1"))
        {
            number = (await first.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.Number;
        }

        await using var second = StoreNode.Start(store, "node-2");
        store.Clock.Advance(TimeSpan.FromHours(24));
        var fired = await second.Scheduler.RunDueAsync();
        var again = await second.Scheduler.RunDueAsync();

        Assert.Equal((2, 0), (fired, again));
        Assert.Equal(
            [SlaEventTypes.Warning, SlaEventTypes.Breached, SlaEventTypes.Escalated],
            (await store.WorkOrders.GetEventsAsync(number))!.Select(e => e.Type).Where(t => t.StartsWith("sla-", StringComparison.Ordinal) || t == SlaEventTypes.Escalated));
        await using var db = store.CreateDbContext();
        Assert.All(
            await db.DurableTimers.Where(t => t.FiredAt != null).ToListAsync(),
            t => Assert.Equal(("node-2", 1), (t.LeaseOwner, t.Attempts)));
    }

    [Fact]
    public async Task TwoSchedulersRacing_OnPostgres_FireEveryTimerExactlyOnce()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Postgres, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var numbers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            numbers.Add((await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.Number);
        }

        await using var a = StoreNode.Start(store, "node-a");
        await using var b = StoreNode.Start(store, "node-b");
        var fired = 0;
        foreach (var hours in new[] { 24, 1 })
        {
            store.Clock.Advance(TimeSpan.FromHours(hours));
            for (var round = 0; round < 3; round++)
            {
                fired += (await Task.WhenAll(a.Scheduler.RunDueAsync(), b.Scheduler.RunDueAsync(), a.Scheduler.RunDueAsync())).Sum();
            }
        }

        await using var db = store.CreateDbContext();
        var events = await db.WorkOrderEvents.AsNoTracking()
            .Where(e => e.Type == SlaEventTypes.Warning || e.Type == SlaEventTypes.Breached || e.Type == SlaEventTypes.Escalated)
            .ToListAsync();
        var firedTimers = await db.DurableTimers.CountAsync(t => t.FiredAt != null);
        Assert.Equal((60, 60), (fired, firedTimers));
        Assert.All(events.GroupBy(e => e.WorkOrderId), order => Assert.Equal(
            [SlaEventTypes.Escalated, SlaEventTypes.Escalated, SlaEventTypes.Breached, SlaEventTypes.Warning],
            order.Select(e => e.Type).Order(StringComparer.Ordinal)));
        Assert.Equal(20, events.Select(e => e.WorkOrderId).Distinct().Count());
    }
}
