using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using static WorkOrders.WorkOrders.Tests.Notifications.NotificationTestKit;

namespace WorkOrders.WorkOrders.Tests.Notifications;

/// <summary>Ids are taken at insert but commit in any order: the relay must not read past a missing one too early.</summary>
public sealed class OutboxGapTests
{
    [Fact]
    public async Task AMissingId_HoldsTheCursorBack_UntilItAppears_OrTheGapTimeoutPasses()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = await OpenAsync(store);
        var channel = new RecordingChannel("gaps");
        var relay = Relay(store, channel);
        await relay.PumpAsync();
        var newest = (await EventIdsAsync(store))[^1];

        await AddEventAsync(store, order.Id, newest + 2);
        var whileMissing = await relay.PumpAsync();
        await AddEventAsync(store, order.Id, newest + 1);
        var onceItCommitted = await relay.PumpAsync();
        await AddEventAsync(store, order.Id, newest + 4);
        var beforeTimeout = await relay.PumpAsync();
        store.Clock.Advance(TimeSpan.FromSeconds(9));
        var stillWaiting = await relay.PumpAsync();
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterTimeout = await relay.PumpAsync();

        Assert.Equal([0, 2, 0, 0, 1], new[] { whileMissing, onceItCommitted, beforeTimeout, stillWaiting, afterTimeout });
        Assert.Equal([newest + 1, newest + 2, newest + 4], channel.EventIds);
    }

    private static async Task AddEventAsync(TestStore store, Guid orderId, long id)
    {
        await using var db = store.CreateDbContext();
        db.WorkOrderEvents.Add(new WorkOrderEvent { Id = id, WorkOrderId = orderId, At = store.Clock.GetUtcNow(), Type = "note" });
        await db.SaveChangesAsync();
    }
}
