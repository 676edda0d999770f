using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Timers;

/// <summary>The scheduler on its own, with a handler that answers what the test tells it to.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DurableTimerSchedulerTests(PostgresServer postgres)
{
    private static readonly NewWorkOrder Consultation = new("Phone", "Consultation", "Which oil?", Site: "plant-north");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PostponesATimerItsHandlerCallsEarly_DeletesAStaleOne_AndFiresEachOnlyWhenDue(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var orderId = await NewOrderWithoutTimersAsync(store);
        var start = store.Clock.GetUtcNow();
        var handler = new ScriptedHandler(new()
        {
            ["later"] = TimerOutcome.Later(start.AddHours(2)),
            ["stale"] = TimerOutcome.Stale,
        });
        var scheduler = Scheduler(store, handler, "node-x");
        await AddTimersAsync(store, orderId, ("later", start.AddHours(1)), ("stale", start.AddHours(1)));

        store.Clock.SetUtcNow(start.AddHours(1));
        var firstRound = await scheduler.RunDueAsync();
        handler.Outcomes["later"] = TimerOutcome.Fired;
        store.Clock.SetUtcNow(start.AddHours(2).AddSeconds(-1));
        var early = await scheduler.RunDueAsync();
        store.Clock.SetUtcNow(start.AddHours(2));
        var due = await scheduler.RunDueAsync();

        Assert.Equal((0, 0, 1), (firstRound, early, due));
        Assert.Equal(["later", "stale", "later"], handler.Calls);
        var timer = Assert.Single(await TimersAsync(store));
        Assert.Equal(("later", start.AddHours(2), start.AddHours(2), 2), (timer.Kind, timer.DueAt, timer.FiredAt, timer.Attempts));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RetriesATimerWhoseNodeDiedWhileFiring_OnlyAfterItsLeaseExpires(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var orderId = await NewOrderWithoutTimersAsync(store);
        var start = store.Clock.GetUtcNow();
        var handler = new ScriptedHandler(new() { ["ping"] = TimerOutcome.Fired });
        await AddTimersAsync(store, orderId, ("ping", start));
        await using (var db = store.CreateDbContext())
        {
            // A node claimed it and died before saving: the claim is all that reached the database.
            await db.DurableTimers.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.LeaseOwner, "dead-node")
                .SetProperty(t => t.LeaseUntil, start.AddMinutes(2))
                .SetProperty(t => t.Attempts, 1));
        }

        var scheduler = Scheduler(store, handler, "node-y");

        store.Clock.SetUtcNow(start.AddMinutes(2));
        var whileLeased = await scheduler.RunDueAsync();
        store.Clock.SetUtcNow(start.AddMinutes(2).AddSeconds(1));
        var afterExpiry = await scheduler.RunDueAsync();

        Assert.Equal((0, 1), (whileLeased, afterExpiry));
        var timer = Assert.Single(await TimersAsync(store));
        Assert.Equal(("node-y", 2, start.AddMinutes(2).AddSeconds(1)), (timer.LeaseOwner, timer.Attempts, timer.FiredAt));
    }

    private static DurableTimerScheduler Scheduler(TestStore store, IDurableTimerHandler handler, string nodeId) => new(
        store.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>(),
        handler,
        store.Clock,
        Options.Create(new DurableTimerOptions { NodeId = nodeId }),
        NullLogger<DurableTimerScheduler>.Instance);

    /// <summary>An order whose SLA timers are removed, so only the test's timers exist.</summary>
    private static async Task<Guid> NewOrderWithoutTimersAsync(TestStore store)
    {
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;
        await using var db = store.CreateDbContext();
        await db.DurableTimers.ExecuteDeleteAsync();
        return order.Id;
    }

    private static async Task AddTimersAsync(TestStore store, Guid orderId, params (string Kind, DateTimeOffset DueAt)[] timers)
    {
        await using var db = store.CreateDbContext();
        db.DurableTimers.AddRange(timers.Select(t => new DurableTimer { WorkOrderId = orderId, Kind = t.Kind, DueAt = t.DueAt }));
        await db.SaveChangesAsync();
    }

    private static async Task<List<DurableTimer>> TimersAsync(TestStore store)
    {
        await using var db = store.CreateDbContext();
        return await db.DurableTimers.AsNoTracking().ToListAsync();
    }

    private sealed class ScriptedHandler(Dictionary<string, TimerOutcome> outcomes) : IDurableTimerHandler
    {
        public Dictionary<string, TimerOutcome> Outcomes { get; } = outcomes;

        public List<string> Calls { get; } = [];

        public Task<TimerOutcome> FireAsync(
            MaintenanceDbContext db, DurableTimer timer, WorkOrder order, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Calls.Add(timer.Kind);
            return Task.FromResult(Outcomes[timer.Kind]);
        }
    }
}
