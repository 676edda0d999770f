using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Catalog;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Intake;

[Collection(DatabaseCollection.Name)]
public sealed class TemplateValidationTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReportsEachMissingRequiredTemplateField_WithItsOwnMessage(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.Services.GetRequiredService<CategoryCatalog>().UpdateAsync("complaint", new CategoryRequest(null, null, Fields:
        [
            new("site", "Site", Required: true),
            new("customer", "Customer", Required: true),
            new("contact", "Contact", Required: true),
            new("tier", "Tier", Required: true),
            new("urgency", "Urgency", Required: true),
            new("symptoms", "Text", Required: true, Label: "Fault symptoms"),
            new("asset", "Asset", Required: false),
        ]));

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "complaint", "Noisy", Site: "plant-north"));

        Assert.False(result.IsValid);
        Assert.Equal(
            ["contactName", "contactPhone", "customerId", "customerTier", "fields.symptoms", "priority"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["customerId is required for Complaint orders (or give a site that belongs to a customer)."], result.Errors["customerId"]);
        Assert.Equal(["contactName is required for Complaint orders (or give a site or customer with a contact)."], result.Errors["contactName"]);
        Assert.Equal(["contactPhone or contactEmail is required for Complaint orders."], result.Errors["contactPhone"]);
        Assert.Equal(["customerTier is required for Complaint orders (or give a customer whose tier is known)."], result.Errors["customerTier"]);
        Assert.Equal(["priority is required for Complaint orders: one of Low, Medium, High, Urgent."], result.Errors["priority"]);
        Assert.Equal(["fields.symptoms (Fault symptoms) is required for Complaint orders."], result.Errors["fields.symptoms"]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpensTheOrder_WhenTheTemplateIsSatisfied_AndKeepsItsFreeValues(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder(
            "Web", "installation", "New pump", AssetType: "pump", Site: "plant-north", ContactName: "Ola", ContactEmail: "ola@example.com",
            Fields: new Dictionary<string, string?> { ["RequestedDate"] = "2026-04-01" }));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        var order = await store.WorkOrders.GetAsync(result.WorkOrder!.Number);
        Assert.Equal(("installation", "Ola", "ola@example.com"), (order!.Category, order.ContactName, order.ContactEmail));
        Assert.Equal(new Dictionary<string, string> { ["requestedDate"] = "2026-04-01" }, order.Fields);
    }

    [Fact]
    public async Task RejectsUnknownAndMistypedFreeFields()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder(
            "Web", "Installation", "New pump", AssetType: "pump", Site: "plant-north",
            Fields: new Dictionary<string, string?> { ["colour"] = "red", ["requestedDate"] = "next week" }));

        Assert.Equal(["fields.colour is not a field of the Installation template; its fields are requestedDate."], result.Errors["fields.colour"]);
        Assert.Equal(["fields.requestedDate must be a date like 2026-03-14; 'next week' is not."], result.Errors["fields.requestedDate"]);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public async Task RefusesAnInactiveCategory_AndTakesPascalCaseNames()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.Services.GetRequiredService<CategoryCatalog>().UpdateAsync("consultation", new CategoryRequest(null, null, Active: false));

        var consultation = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "Consultation", "Advice", Site: "plant-north"));
        var maintenance = await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "PreventiveMaintenance", "Grease", AssetType: "pump", Site: "plant-north"));

        Assert.Equal(
            ["category 'consultation' is no longer in use; use one of complaint, inspection, installation, preventive-maintenance, repair."],
            consultation.Errors["category"]);
        Assert.Equal("preventive-maintenance", maintenance.WorkOrder!.Category);
    }
}
