using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

[Collection(DatabaseCollection.Name)]
public sealed class WorkOrderValidationTests
{
    [Fact]
    public async Task ReportsEveryMissingField_WithItsOwnMessage()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder(null, null, "  "));

        Assert.False(result.IsValid);
        Assert.Equal(["category", "site", "source", "title"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["source is required: one of Phone, Web, Api."], result.Errors["source"]);
        Assert.Equal(["category is required: one of complaint, consultation, inspection, installation, preventive-maintenance, repair."], result.Errors["category"]);
        Assert.Equal(["title is required."], result.Errors["title"]);
        Assert.Equal(["site is required (or give the deviceId of a registered device)."], result.Errors["site"]);
    }

    [Fact]
    public async Task RejectsUnknownNames_ListingTheAllowedOnes()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder("Prediction", "Repair", "Pump", Priority: "Critical", AssetType: "pump", Site: "plant-north"));

        Assert.Equal(["source must be one of Phone, Web, Api; 'Prediction' is not."], result.Errors["source"]);
        Assert.Equal(["priority must be one of Low, Medium, High, Urgent; 'Critical' is not."], result.Errors["priority"]);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public async Task RequiresAnAssetType_ForRepairOrders_ButNotForComplaints()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var repair = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "Repair", "Broken", Site: "plant-north"));
        var complaint = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "complaint", "Too loud", Site: "plant-north"));

        Assert.Equal(["assetType is required for Repair orders (or give the deviceId of a registered device)."], repair.Errors["assetType"]);
        Assert.True(complaint.IsValid);
        Assert.Equal("complaint", complaint.WorkOrder!.Category);
    }

    [Fact]
    public async Task RejectsTooLongTextAndUnregisteredDevices()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder(
            "Api", "Repair", new string('x', 201), DeviceId: "pump-404", IdempotencyKey: new string('k', 201)));

        Assert.Equal(["title must be at most 200 characters (it has 201)."], result.Errors["title"]);
        Assert.Equal(["idempotencyKey must be at most 200 characters (it has 201)."], result.Errors["idempotencyKey"]);
        Assert.Equal(["deviceId 'pump-404' is not a registered device."], result.Errors["deviceId"]);
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public async Task TakesAssetTypeAndSite_FromARegisteredDevice()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.Devices.RegisterAsync(new DeviceRegistration("motor-3", "Motor", "Plant-South", "Line 2"));

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder("phone", "Repair", "Smells burnt", DeviceId: "motor-3", Priority: "urgent"));

        var order = result.WorkOrder!;
        Assert.Equal(("motor", "plant-south", WorkOrderPriority.Urgent, WorkOrderSource.Phone), (order.AssetType, order.Site, order.Priority, order.Source));
        Assert.Equal((TestStore.Start.AddHours(1), TestStore.Start.AddHours(8)), (order.ResponseDueAt, order.ResolutionDueAt));
    }

    [Fact]
    public async Task ReturnsTheFirstOrder_WhenTheSameIdempotencyKeyIsPostedAgain()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var request = new NewWorkOrder("Api", "Inspection", "Check fan", AssetType: "fan", Site: "plant-north", IdempotencyKey: "crm-1234");

        var first = await store.WorkOrders.CreateAsync(request);
        var again = await store.WorkOrders.CreateAsync(request with { Title = "Check fan (resent)" });

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.WorkOrder, again.WorkOrder);
    }
}
