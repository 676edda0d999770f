using Microsoft.EntityFrameworkCore;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

[Collection(DatabaseCollection.Name)]
public sealed class PredictiveWorkOrderTests(PostgresServer postgres)
{
    private static PredictiveWorkOrderRequest Episode(string key, double severity = 0.6, DateTimeOffset? failureAt = null) => new(
        key, "pump-17", "pump", "plant-north", "Bearing wear on pump-17", "vibration_rms 4.1σ above normal",
        severity, TestStore.Start, failureAt);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpensOneWorkOrder_When20ConcurrentCallsCarryTheSameKey(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        IPredictiveWorkOrders predictive = store.WorkOrders;

        var opened = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            predictive.OpenPredictiveAsync(Episode("pump-17/episode/3")))));

        await using var db = store.CreateDbContext();
        var rows = await db.WorkOrders.Where(w => w.IdempotencyKey == "pump-17/episode/3").ToListAsync();
        var openedEvents = await db.WorkOrderEvents.CountAsync(e => e.Type == WorkOrderEventTypes.Opened);
        var row = Assert.Single(rows);
        Assert.Single(opened, o => o.Created);
        Assert.All(opened, o => Assert.Equal((row.Id, row.Number, (string?)"eng-a"), (o.Id, o.Number, o.AssigneeId)));
        Assert.Equal("WO-26-00001", row.Number); // losers rolled back: no number was burnt
        Assert.Equal(1, openedEvents);
        Assert.Equal(1, await db.WorkOrders.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReturnsTheFirstOrderWithCreatedFalse_WhenARequestIsRedelivered(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        var first = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/1"));
        store.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/1"));
        var next = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/2"));

        Assert.True(first.Created);
        Assert.Equal(first with { Created = false }, again);
        Assert.True(next.Created);
        Assert.NotEqual(first.Number, next.Number);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetsPriorityAndDueTimes_FromSeverityAndPredictedFailure(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var failureAt = TestStore.Start.AddHours(30);

        var opened = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/9", severity: 0.55, failureAt));

        var order = await store.WorkOrders.GetAsync(opened.Number);
        Assert.NotNull(order);
        Assert.Equal(
            (WorkOrderSource.Prediction, "preventive-maintenance", WorkOrderPriority.High, WorkOrderStatus.New),
            (order.Source, order.Category, order.Priority, order.Status));
        Assert.Equal(TestStore.Start.AddHours(4), order.ResponseDueAt);
        Assert.Equal(TestStore.Start.AddHours(24), order.ResolutionDueAt);
        Assert.Equal(failureAt, order.PredictedFailureAt);
        Assert.Equal(0.55, order.Severity);
        Assert.Equal("vibration_rms 4.1σ above normal", order.Description);
    }

    [Fact]
    public async Task TakesTheSite_FromTheDeviceRegistry_WhenThePredictionHasNone()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", "pump", "plant-south", "Hall B"));
        await store.AddEngineerAsync("eng-north", "plant-north", ("pump", 5));
        await store.AddEngineerAsync("eng-south", "plant-south", ("pump", 1));

        var opened = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/4") with { Site = null });

        Assert.Equal("eng-south", opened.AssigneeId);
        Assert.Equal("plant-south", (await store.WorkOrders.GetAsync(opened.Number))!.Site);
    }

    [Fact]
    public async Task RejectsARequest_WithoutAnIdempotencyKey()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WorkOrders.OpenPredictiveAsync(Episode(" ")));
    }
}
