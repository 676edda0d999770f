using Microsoft.EntityFrameworkCore;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Intake;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Intake;

[Collection(DatabaseCollection.Name)]
public sealed class DuplicateLinkingTests(PostgresServer postgres)
{
    private static NewWorkOrder Repair(string title, bool allowDuplicate = false) =>
        new("Phone", "repair", title, DeviceId: "pump-17", AllowDuplicate: allowDuplicate);

    private static PredictiveWorkOrderRequest Episode(int n) => new(
        $"pump-17/episode/{n}", "pump-17", "pump", null, "Bearing wear on pump-17", "vibration_rms high", 0.6, TestStore.Start, null);

    private static async Task<TestStore> StoreAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var store = await TestStore.CreateAsync(provider, postgres);
        await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", "pump", "plant-north", "Hall A"));
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        return store;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LinksASecondOrderForTheSameAssetAndCategory_InsteadOfDispatchingIt(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider, postgres);
        var first = (await store.WorkOrders.CreateAsync(Repair("Pump leaking"))).WorkOrder!;

        var second = await store.WorkOrders.CreateAsync(Repair("Water on the floor by pump 17"));

        var linked = second.WorkOrder!;
        Assert.True(second.Created);
        Assert.Equal((first.Id, first.Number), (linked.DuplicateOfId, linked.DuplicateOfNumber));
        Assert.Equal((WorkOrderStatus.New, (string?)null), (linked.Status, linked.AssigneeId));
        Assert.Equal(WorkOrderStatus.Dispatched, first.Status);
        var linkedEvents = await store.WorkOrders.GetEventsAsync(linked.Number);
        var firstEvents = await store.WorkOrders.GetEventsAsync(first.Number);
        Assert.Equal(["opened", IntakeEventTypes.LinkedAsDuplicate], linkedEvents!.Select(e => e.Type));
        Assert.StartsWith($"Linked to {first.Number}, the open repair order for pump-17 (Dispatched)", linkedEvents![1].Note, StringComparison.Ordinal);
        Assert.Equal(IntakeEventTypes.DuplicateLinked, firstEvents![^1].Type);
        Assert.Equal($"{linked.Number} (Phone: Water on the floor by pump 17) was linked to this order as a duplicate.", firstEvents[^1].Note);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpensASeparateOrder_WhenAPersonAllowsTheDuplicate_OrTheCategoryDiffers(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider, postgres);
        await store.WorkOrders.CreateAsync(Repair("Pump leaking"));

        var allowed = await store.WorkOrders.CreateAsync(Repair("Second leak, other flange", allowDuplicate: true));
        var inspection = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "inspection", "Yearly check", DeviceId: "pump-17"));

        Assert.Equal(((Guid?)null, WorkOrderStatus.Dispatched), (allowed.WorkOrder!.DuplicateOfId, allowed.WorkOrder.Status));
        Assert.Equal(((Guid?)null, WorkOrderStatus.Dispatched), (inspection.WorkOrder!.DuplicateOfId, inspection.WorkOrder.Status));
    }

    [Fact]
    public async Task DoesNotLink_ToAnOrderThatIsClosedOrCancelled()
    {
        await using var store = await StoreAsync(DatabaseProvider.Sqlite, postgres);
        var first = (await store.WorkOrders.CreateAsync(Repair("Pump leaking"))).WorkOrder!;
        await store.WorkOrders.TransitionAsync(first.Number, new WorkOrderTransitionRequest("Cancelled", "ops", Role: "Dispatcher"));

        var next = await store.WorkOrders.CreateAsync(Repair("Leaking again"));

        Assert.Null(next.WorkOrder!.DuplicateOfId);
        Assert.Equal(WorkOrderStatus.Dispatched, next.WorkOrder.Status);
    }

    [Fact]
    public async Task DoesNotLink_ToAnOrderWhoseWorkIsCompleted_ThoughItCouldStillBeReopened()
    {
        await using var store = await StoreAsync(DatabaseProvider.Sqlite, postgres);
        var first = (await store.WorkOrders.CreateAsync(Repair("Pump leaking"))).WorkOrder!;
        foreach (var to in new[] { "Accepted", "OnSite", "InProgress", "Completed" })
        {
            var moved = await store.WorkOrders.TransitionAsync(first.Number, new WorkOrderTransitionRequest(to, first.AssigneeId, Role: "Engineer"));
            Assert.Equal(TransitionOutcome.Moved, moved.Outcome);
        }

        var next = await store.WorkOrders.CreateAsync(Repair("Leaking again"));

        Assert.Null(next.WorkOrder!.DuplicateOfId);
        Assert.Equal(WorkOrderStatus.Dispatched, next.WorkOrder.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LinksAPredictiveOrder_ToAPersonsOpenOrder_AndViceVersa(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider, postgres);
        var manual = (await store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "preventive-maintenance", "Service pump 17", DeviceId: "pump-17"))).WorkOrder!;

        var predicted = await store.WorkOrders.OpenPredictiveAsync(Episode(1));
        var predictedView = await store.WorkOrders.GetAsync(predicted.Number);
        await store.WorkOrders.TransitionAsync(manual.Number, new WorkOrderTransitionRequest("Cancelled", "ops", Role: "Dispatcher"));
        await store.WorkOrders.TransitionAsync(predicted.Number, new WorkOrderTransitionRequest("Cancelled", "ops", Role: "Dispatcher"));
        var predictedFirst = await store.WorkOrders.OpenPredictiveAsync(Episode(2));
        var manualLater = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "PreventiveMaintenance", "Customer asks for service", DeviceId: "pump-17"));

        Assert.True(predicted.Created);
        Assert.Null(predicted.AssigneeId);
        Assert.Equal((manual.Id, manual.Number, WorkOrderStatus.New), (predictedView!.DuplicateOfId, predictedView.DuplicateOfNumber, predictedView.Status));
        Assert.Equal("eng-a", predictedFirst.AssigneeId);
        Assert.Equal((predictedFirst.Id, predictedFirst.Number), (manualLater.WorkOrder!.DuplicateOfId, manualLater.WorkOrder.DuplicateOfNumber));
    }

    [Fact]
    public async Task LinksARepeatedPredictionOfTheSameAsset_ButReturnsTheSameOrderForARedelivery()
    {
        await using var store = await StoreAsync(DatabaseProvider.Sqlite, postgres);

        var first = await store.WorkOrders.OpenPredictiveAsync(Episode(1));
        var redelivered = await store.WorkOrders.OpenPredictiveAsync(Episode(1));
        var nextEpisode = await store.WorkOrders.OpenPredictiveAsync(Episode(2));

        await using var db = store.CreateDbContext();
        Assert.Equal(first with { Created = false }, redelivered);
        Assert.Equal(first.Id, (await db.WorkOrders.SingleAsync(w => w.Id == nextEpisode.Id)).DuplicateOfId);
        Assert.Equal(2, await db.WorkOrders.CountAsync());
    }
}
