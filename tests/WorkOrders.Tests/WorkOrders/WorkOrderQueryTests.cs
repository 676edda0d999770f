using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

[Collection(DatabaseCollection.Name)]
public sealed class WorkOrderQueryTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FiltersAndPages_NewestFirst(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        for (var i = 1; i <= 5; i++)
        {
            await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "Complaint", $"Complaint {i}", Site: "plant-north"));
            store.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await store.WorkOrders.OpenPredictiveAsync(new PredictiveWorkOrderRequest(
            "fan-1/episode/1", "fan-1", "fan", "plant-south", "Imbalance", "x", 0.3, TestStore.Start, null));

        var page2 = await store.WorkOrders.QueryAsync(new WorkOrderQuery(Source: WorkOrderSource.Web, Page: 2, PageSize: 2));
        var predicted = await store.WorkOrders.QueryAsync(new WorkOrderQuery(Status: WorkOrderStatus.New, DeviceId: "fan-1"));
        var none = await store.WorkOrders.QueryAsync(new WorkOrderQuery(Status: WorkOrderStatus.Closed));

        Assert.Equal((5, 2, 2), (page2.Total, page2.Page, page2.PageSize));
        Assert.Equal(["Complaint 3", "Complaint 2"], page2.Items.Select(o => o.Title));
        Assert.Equal("fan-1", Assert.Single(predicted.Items).DeviceId);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task FindsAnOrder_ByIdOrByNumberInAnyCase()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "Complaint", "Door", Site: "plant-north"))).WorkOrder!;

        Assert.Equal(order, await store.WorkOrders.GetAsync(order.Id.ToString()));
        Assert.Equal(order, await store.WorkOrders.GetAsync("wo-26-00001"));
        Assert.Null(await store.WorkOrders.GetAsync("WO-26-00002"));
        Assert.Null(await store.WorkOrders.GetEventsAsync("nonsense"));
    }

    [Fact]
    public void Parse_ReportsEachBadParameter()
    {
        var (query, errors) = WorkOrderQuery.Parse("Open", "Fax", null, null, null, 0, 500);

        Assert.Null(query);
        Assert.Equal(["page", "pageSize", "source", "status"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["pageSize must be from 1 to 200."], errors["pageSize"]);
    }

    [Fact]
    public void Parse_AcceptsNamesInAnyCase_AndDefaultsThePaging()
    {
        var (query, errors) = WorkOrderQuery.Parse("inprogress", "PREDICTION", " pump-1 ", "Pump", null, null, null);

        Assert.Empty(errors);
        Assert.Equal(new WorkOrderQuery(WorkOrderStatus.InProgress, WorkOrderSource.Prediction, "pump-1", "pump", null, 1, 50), query);
    }
}
