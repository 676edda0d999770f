using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using static WorkOrders.WorkOrders.Tests.Notifications.NotificationTestKit;

namespace WorkOrders.WorkOrders.Tests.Notifications;

[Collection(DatabaseCollection.Name)]
public sealed class OutboxRelayTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DeliversEachEventOnceInOrder_AndResumesFromItsCursorAfterARestart(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var channel = new RecordingChannel("test");
        var first = Relay(store, channel);
        await first.PumpAsync();
        for (var i = 0; i < 5; i++)
        {
            await OpenAsync(store, $"Pump {i}");
        }

        var passes = await DrainAsync(first);
        var before = await EventIdsAsync(store);
        await first.ReleaseAsync();
        var second = Relay(store, channel);
        await OpenAsync(store, "After the restart");
        await DrainAsync(second);
        var all = await EventIdsAsync(store);

        Assert.Equal(10, before.Count);
        Assert.Equal(3, passes);
        Assert.Equal(all, channel.EventIds);
        Assert.Equal(0, store.Services.GetRequiredService<NotificationMetrics>().DepthOf("test"));
        await using var db = store.CreateDbContext();
        Assert.Equal(all[^1], (await db.NotificationCursors.SingleAsync(c => c.Channel == "test")).LastEventId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HandsTheSameBatchOverAgain_WhenTheChannelFailed(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var channel = new RecordingChannel("flaky");
        var relay = Relay(store, channel);
        await relay.PumpAsync();
        await OpenAsync(store);
        channel.Failing = true;

        var whileFailing = await relay.PumpAsync();
        channel.Failing = false;
        var afterwards = await relay.PumpAsync();

        var events = await EventIdsAsync(store);
        Assert.Equal(0, whileFailing);
        Assert.Equal(events.Count, afterwards);
        Assert.Equal(events, channel.EventIds);
    }

    [Fact]
    public async Task ANewChannel_StartsAtTheNewestEvent_InsteadOfReplayingHistory()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        await OpenAsync(store, "Before the channel existed");
        var history = await EventIdsAsync(store);
        var channel = new RecordingChannel("late");
        var relay = Relay(store, channel);

        await relay.PumpAsync();
        await OpenAsync(store, "After");
        await DrainAsync(relay);

        Assert.Equal((await EventIdsAsync(store)).Except(history), channel.EventIds);
        Assert.NotEmpty(channel.EventIds);
    }

    [Fact]
    public async Task TwoRelaysOnOnePostgresDatabase_DeliverEachEventExactlyOnce_AndTheSecondTakesOverWhenTheLeaseLapses()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Postgres, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var channel = new RecordingChannel("shared");
        var a = Relay(store, channel, batchSize: 2);
        var b = Relay(store, channel, batchSize: 2);
        await a.PumpAsync();
        for (var i = 0; i < 10; i++)
        {
            await OpenAsync(store, $"Pump {i}");
        }

        await a.ReleaseAsync();

        // Two nodes race for the free channel; whoever claims it delivers, the other hands nothing over.
        var handed = await Task.WhenAll(new[] { a, b }.Select(relay => Task.Run(async () =>
        {
            var counts = new List<int>();
            for (var pass = 0; pass < 4; pass++)
            {
                counts.Add(await relay.PumpAsync());
            }

            return counts.Sum();
        })));
        var afterRace = channel.EventIds.Count;
        var (winner, loser) = handed[0] > 0 ? (a, b) : (b, a);
        // The winner stops without releasing (a crash); once its lease lapses, the other carries on from the cursor.
        var loserWhileHeld = await loser.PumpAsync();
        store.Clock.Advance(TimeSpan.FromSeconds(31));
        await DrainAsync(loser);
        var all = await EventIdsAsync(store);

        Assert.Equal(20, all.Count);
        Assert.Equal([0, 8], handed.Order());
        Assert.Equal(8, afterRace);
        Assert.Equal(0, loserWhileHeld);
        Assert.Equal(all, channel.EventIds);
        await using var db = store.CreateDbContext();
        var cursor = await db.NotificationCursors.SingleAsync(c => c.Channel == "shared");
        Assert.Equal((all[^1], loser.Owner), (cursor.LastEventId, cursor.LeaseOwner));
        Assert.NotEqual(winner.Owner, loser.Owner);
    }

    [Fact]
    public async Task AServiceStoppedAfterTheShutdownTimeout_StopsWithoutThrowing_AndItsLeaseIsLeftToLapse()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var relay = Relay(store, new RecordingChannel("test"));
        await OpenAsync(store);
        await relay.PumpAsync();
        var service = new OutboxRelayService(relay, Options.Create(new NotificationRelayOptions()), store.Clock,
            NullLogger<OutboxRelayService>.Instance);
        using var timedOut = new CancellationTokenSource();
        await timedOut.CancelAsync();

        var stopping = await Record.ExceptionAsync(() => service.StopAsync(timedOut.Token));

        Assert.Null(stopping);
        await using var db = store.CreateDbContext();
        Assert.Equal(relay.Owner, (await db.NotificationCursors.SingleAsync(c => c.Channel == "test")).LeaseOwner);
    }
}
