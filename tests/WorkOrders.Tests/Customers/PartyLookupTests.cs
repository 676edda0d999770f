using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Customers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Customers;

[Collection(DatabaseCollection.Name)]
public sealed class PartyLookupTests(PostgresServer postgres)
{
    private static async Task<TestStore> StoreWithCustomerAsync(DatabaseProvider provider, PostgresServer postgres)
    {
        var store = await TestStore.CreateAsync(provider, postgres);
        var directory = store.Services.GetRequiredService<CustomerDirectory>();
        await directory.SaveCustomerAsync(new CustomerRequest("acme", "Acme Water", "Gold", "Petra Holm", "+46 8 555 0199", "petra@acme.example"));
        await directory.SaveSiteAsync(new SiteRequest("plant-north", "Acme North", "Industrivägen 1", "acme", 59.33, 18.06));
        await directory.SaveSiteAsync(new SiteRequest("plant-south", "Acme South", CustomerId: "ACME", ContactName: "Sven Gate", ContactPhone: "+46 8 555 0142"));
        await store.Devices.RegisterAsync(new DeviceRegistration("pump-17", "pump", "plant-north", "Hall A"));
        await store.Devices.RegisterAsync(new DeviceRegistration("fan-2", "fan", "plant-south", "Roof"));
        return store;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FillsCustomerTierAndContact_FromTheAssetsSiteAndItsCustomer(DatabaseProvider provider)
    {
        await using var store = await StoreWithCustomerAsync(provider, postgres);

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "repair", "Leaking seal", DeviceId: "pump-17"));

        var order = result.WorkOrder!;
        Assert.Equal(
            ("plant-north", "acme", "gold", "Petra Holm", "+46 8 555 0199", "petra@acme.example"),
            (order.Site, order.CustomerId, order.CustomerTier, order.ContactName, order.ContactPhone, order.ContactEmail));
        await using var db = store.CreateDbContext();
        var row = await db.WorkOrders.FindAsync(order.Id);
        Assert.Equal(("acme", "gold"), (row!.CustomerId, row.CustomerTier));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrefersTheSitesOwnContact_AndLetsExplicitValuesWin(DatabaseProvider provider)
    {
        await using var store = await StoreWithCustomerAsync(provider, postgres);

        var bySite = await store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "repair", "Fan rattles", DeviceId: "fan-2"));
        var explicitly = await store.WorkOrders.CreateAsync(new NewWorkOrder(
            "Phone", "inspection", "Check fan", DeviceId: "fan-2", CustomerTier: "Silver", ContactName: "Night shift", ContactEmail: "night@acme.example"));

        Assert.Equal(("gold", "Sven Gate", "+46 8 555 0142", (string?)null),
            (bySite.WorkOrder!.CustomerTier, bySite.WorkOrder.ContactName, bySite.WorkOrder.ContactPhone, bySite.WorkOrder.ContactEmail));
        Assert.Equal(("acme", "silver", "Night shift", "+46 8 555 0142", "night@acme.example"),
            (explicitly.WorkOrder!.CustomerId, explicitly.WorkOrder.CustomerTier, explicitly.WorkOrder.ContactName,
             explicitly.WorkOrder.ContactPhone, explicitly.WorkOrder.ContactEmail));
    }

    [Fact]
    public async Task FillsCustomerAndContact_OfAPredictiveOrder_FromTheDevicesSite()
    {
        await using var store = await StoreWithCustomerAsync(DatabaseProvider.Sqlite, postgres);

        var opened = await store.WorkOrders.OpenPredictiveAsync(new PredictiveWorkOrderRequest(
            "fan-2/episode/1", "fan-2", "fan", null, "Imbalance on fan-2", "vibration high", 0.7, TestStore.Start, null));

        var order = await store.WorkOrders.GetAsync(opened.Number);
        Assert.Equal(("plant-south", "acme", "gold", "Sven Gate"), (order!.Site, order.CustomerId, order.CustomerTier, order.ContactName));
    }

    [Fact]
    public async Task RejectsAnUnknownCustomer_AndASiteOfAnUnknownCustomer()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var directory = store.Services.GetRequiredService<CustomerDirectory>();

        var order = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "complaint", "Late", Site: "plant-north", CustomerId: "nobody"));
        var site = await directory.SaveSiteAsync(new SiteRequest("plant-west", "West", CustomerId: "nobody"));

        Assert.Equal(["customerId 'nobody' is not a known customer."], order.Errors["customerId"]);
        Assert.Equal(["customerId 'nobody' is not a known customer; add it with POST /api/customers first."], site.Errors["customerId"]);
    }

    [Fact]
    public async Task RefusesToDeleteACustomerWithSites()
    {
        await using var store = await StoreWithCustomerAsync(DatabaseProvider.Sqlite, postgres);
        var directory = store.Services.GetRequiredService<CustomerDirectory>();

        var refused = await directory.DeleteCustomerAsync("acme");
        await directory.DeleteSiteAsync("plant-north");
        await directory.DeleteSiteAsync("plant-south");
        var deleted = await directory.DeleteCustomerAsync("acme");

        Assert.Equal(DirectoryOutcome.Conflict, refused.Outcome);
        Assert.Equal("The customer 'acme' still has site(s) plant-north, plant-south; delete them or move them to another customer first.", refused.Problem);
        Assert.Equal(DirectoryOutcome.Deleted, deleted.Outcome);
        Assert.Null(await directory.FindCustomerAsync("acme"));
    }
}
