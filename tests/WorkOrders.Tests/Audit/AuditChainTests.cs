using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Audit;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Roles;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using WorkOrders.WorkOrders.Tests.WorkOrders;

namespace WorkOrders.WorkOrders.Tests.Audit;

[Collection(DatabaseCollection.Name)]
public sealed class AuditChainTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheChainVerifies_OnANormalHistory(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var number = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.Closed);

        var events = (await Audit(store).GetAsync(number))!;
        var result = await Audit(store).VerifyAsync(number);

        Assert.Equal(new AuditVerification(true, 9, null, null), result);
        Assert.Equal(Enumerable.Range(1, 9), events.Select(e => e.Sequence));
        Assert.Null(events[0].PreviousHash);
        Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(["opened", "not_dispatched", "dispatched", "accepted", "on_site", "in_progress", "completed", "verified", "closed"], events.Select(e => e.Type));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DetectsAnEventChangedInTheDatabase_AndNamesItsSequence(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var number = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.InProgress);
        var third = await EventIdAsync(store, number, 3);

        await using (var db = store.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "WorkOrderEvents" SET "Note" = {0} WHERE "Id" = {1}""", "Dispatched to someone else.", third);
        }

        var result = await Audit(store).VerifyAsync(number);

        Assert.Equal(new AuditVerification(false, 6, 3, "Event 3 was altered: its contents no longer match its hash."), result);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DetectsAnEventDeletedOrRechainedInTheDatabase(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var deleted = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.OnSite);
        var rechained = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.OnSite);
        var second = await EventIdAsync(store, deleted, 2);
        var fourth = await EventIdAsync(store, rechained, 4);

        await using (var db = store.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "WorkOrderEvents" WHERE "Id" = {0}""", second);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "WorkOrderEvents" SET "PreviousHash" = {0} WHERE "Id" = {1}""", new string('0', 64), fourth);
        }

        Assert.Equal(
            new AuditVerification(false, 4, 2, "Event 2 is missing: the next stored event is 3."),
            await Audit(store).VerifyAsync(deleted));
        Assert.Equal(
            new AuditVerification(false, 5, 4, "Event 4 does not chain to event 3: its previous hash differs from that event's hash."),
            await Audit(store).VerifyAsync(rechained));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConcurrentAppends_AndTransitions_OnOneOrder_LeaveOneValidChain(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var number = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.Dispatched);
        var id = (await store.WorkOrders.GetAsync(number))!.Id;
        const int appenders = 8;

        // Other features append with a plain Add + SaveChanges; the chain is their context's job, not theirs.
        var appends = Enumerable.Range(1, appenders).Select(i => Task.Run(async () =>
        {
            await using var db = store.CreateDbContext();
            db.WorkOrderEvents.Add(new WorkOrderEvent
            {
                WorkOrderId = id, At = store.Clock.GetUtcNow(), Type = "escalated", Actor = "sla", Note = $"Escalation {i}",
            });
            await db.SaveChangesAsync();
        }));
        var accept = Task.Run(() => WorkOrderTransitionTests.MoveAsync(store, number, WorkOrderStatus.Accepted, new Actor("eng-a", ActorRole.Engineer)));
        await Task.WhenAll([.. appends, accept]);

        var events = (await Audit(store).GetAsync(number))!;
        Assert.Equal(TransitionOutcome.Moved, (await accept).Outcome);
        Assert.Equal(new AuditVerification(true, 3 + appenders + 1, null, null), await Audit(store).VerifyAsync(number));
        Assert.Equal(appenders, events.Count(e => e.Type == "escalated"));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SeveralEventsInOneSave_AreChainedInTheOrderTheyWereAdded(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var number = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.New);
        var id = (await store.WorkOrders.GetAsync(number))!.Id;

        await using (var db = store.CreateDbContext())
        {
            foreach (var note in new[] { "first", "second", "third" })
            {
                db.WorkOrderEvents.Add(new WorkOrderEvent { WorkOrderId = id, At = store.Clock.GetUtcNow(), Type = "noted", Note = note });
            }

            await db.SaveChangesAsync();
        }

        var events = (await Audit(store).GetAsync(number))!;
        Assert.Equal([(3, "first"), (4, "second"), (5, "third")], events.Skip(2).Select(e => (e.Sequence, e.Note)));
        Assert.True((await Audit(store).VerifyAsync(number))!.Valid);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheSynchronousSave_ChainsEventsToo(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var number = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.New);
        var id = (await store.WorkOrders.GetAsync(number))!.Id;

        using (var db = store.CreateDbContext())
        {
            db.WorkOrderEvents.Add(new WorkOrderEvent { WorkOrderId = id, At = store.Clock.GetUtcNow(), Type = "noted", Note = "sync" });
            db.SaveChanges();
        }

        var events = (await Audit(store).GetAsync(number))!;
        Assert.Equal((3, "sync", events[1].Hash), (events[2].Sequence, events[2].Note, events[2].PreviousHash));
        Assert.True((await Audit(store).VerifyAsync(number))!.Valid);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RefusesToUpdateOrDeleteAnEvent(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var number = await WorkOrderTransitionTests.OrderInAsync(store, WorkOrderStatus.New);
        var id = (await store.WorkOrders.GetAsync(number))!.Id;
        await using var db = store.CreateDbContext();
        var events = await db.WorkOrderEvents.Where(e => e.WorkOrderId == id).OrderBy(e => e.Sequence).ToListAsync();

        events[0].Note = "rewritten";
        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(events[0]).State = EntityState.Unchanged;
        db.WorkOrderEvents.Remove(events[1]);
        var delete = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Equal($"Work-order events are append-only: event 1 of order {id} cannot be modified. Add a new event instead.", update.Message);
        Assert.Equal($"Work-order events are append-only: event 2 of order {id} cannot be deleted. Add a new event instead.", delete.Message);
        Assert.True((await Audit(store).VerifyAsync(number))!.Valid);
    }

    private static AuditTrail Audit(TestStore store) => store.Services.GetRequiredService<AuditTrail>();

    private static async Task<long> EventIdAsync(TestStore store, string number, int sequence)
    {
        await using var db = store.CreateDbContext();
        var id = (await store.WorkOrders.GetAsync(number))!.Id;
        return await db.WorkOrderEvents.Where(e => e.WorkOrderId == id && e.Sequence == sequence).Select(e => e.Id).SingleAsync();
    }
}
