using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Models;

/// <summary>A remaining-useful-life forecast on the predictive request decides the order's kind and due date.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ForecastWorkOrderTests(PostgresServer postgres)
{
    private static PredictiveWorkOrderRequest Episode(string key, double lowerDays, double pointDays, double probability) => new(
        key, "pump-17", "pump", "plant-north", "Bearing wear on pump-17", "vibration_rms 6σ above normal", 0.97,
        TestStore.Start.AddMinutes(-2), TestStore.Start.AddDays(pointDays), "pump-v3",
        TestStore.Start.AddDays(lowerDays), TestStore.Start.AddDays(pointDays + 5), probability);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpensALowPriorityPreventiveOrder_DueBeforeTheFailureWindow_WhenTheFailureIsFarAway(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        var opened = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/1", lowerDays: 21, pointDays: 25, probability: 0.0));

        var order = await store.WorkOrders.GetAsync(opened.Number);
        Assert.Equal((WorkOrderPriority.Low, "preventive-maintenance"), (order!.Priority, order.Category));
        Assert.Equal(TestStore.Start.AddDays(20), order.ResolutionDueAt);
        Assert.Equal(TestStore.Start.AddDays(3), order.ResponseDueAt);
        Assert.True(order.ResolutionDueAt < TestStore.Start.AddDays(21));
        await using var db = store.CreateDbContext();
        var row = db.WorkOrders.Single(w => w.Id == opened.Id);
        Assert.Equal(("pump-v3", (DateTimeOffset?)TestStore.Start.AddMinutes(-2)), (row.ModelVersion, row.DetectedAt));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpensAnUrgentOrder_WhenTheFailureIsImminent(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        var opened = await store.WorkOrders.OpenPredictiveAsync(Episode("pump-17/episode/2", lowerDays: 0.1, pointDays: 0.25, probability: 0.9));

        var order = await store.WorkOrders.GetAsync(opened.Number);
        Assert.Equal(WorkOrderPriority.Urgent, order!.Priority);
        Assert.Equal(TestStore.Start.AddHours(1), order.ResponseDueAt);
        Assert.Equal(TestStore.Start.AddHours(6), order.ResolutionDueAt); // pulled forward to the predicted failure
    }
}
