using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Catalog;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Catalog;

[Collection(DatabaseCollection.Name)]
public sealed class CategoryCatalogTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SeedsTheSixDefaultCategories_AndNeverOverwritesAnEditedOne(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var catalog = store.Services.GetRequiredService<CategoryCatalog>();
        await catalog.UpdateAsync("repair", new CategoryRequest(null, "Breakdown repair"));

        await store.Services.MigrateMaintenanceStoreAsync();

        var categories = await catalog.ListAsync();
        Assert.Equal(
            ["complaint", "consultation", "inspection", "installation", "preventive-maintenance", "repair"],
            categories.Select(c => c.Code));
        Assert.Equal("Breakdown repair", categories.Single(c => c.Code == "repair").Name);
        await using var db = store.CreateDbContext();
        Assert.Equal(DefaultCatalog.Categories.Sum(c => c.Fields.Count), await db.TemplateFields.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReplacesATemplate_KeepingTheFieldOrderGiven(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var catalog = store.Services.GetRequiredService<CategoryCatalog>();

        var result = await catalog.UpdateAsync("complaint", new CategoryRequest(null, null, Fields:
        [
            new("symptoms", "text", Required: true, Label: "What is wrong"),
            new("site", "Site", Required: true),
            new("contact", "CONTACT", Required: true),
        ]));

        Assert.Equal(CatalogOutcome.Done, result.Outcome);
        var found = await catalog.FindAsync("Complaint");
        Assert.Equal(
            [new TemplateFieldView("symptoms", "What is wrong", "Text", true), new("site", "site", "Site", true), new("contact", "contact", "Contact", true)],
            found!.Fields);
    }

    [Fact]
    public async Task RejectsABadTemplate_WithAMessagePerField()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var catalog = store.Services.GetRequiredService<CategoryCatalog>();

        var result = await catalog.CreateAsync(new CategoryRequest("Site Survey", "Site survey", Fields:
        [
            new("notes", "Paragraph"),
            new("9lives", "Text"),
            new("contact", "Contact"),
            new("phone", "Contact"),
        ]));

        Assert.Equal(CatalogOutcome.Invalid, result.Outcome);
        Assert.Equal(["fields[0].type", "fields[1].name", "fields[3].type"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["fields[0].type must be one of Text, Number, Date, Asset, Customer, Site, Contact, Tier, Urgency; 'Paragraph' is not."], result.Errors["fields[0].type"]);
        Assert.Equal(["fields[3].type Contact appears twice; an order has one contact."], result.Errors["fields[3].type"]);
    }

    [Theory]
    [InlineData("PreventiveMaintenance", "preventive-maintenance")]
    [InlineData(" preventive maintenance ", "preventive-maintenance")]
    [InlineData("Repair", "repair")]
    [InlineData("site_survey", "site-survey")]
    public void NormalizesCategoryNames_ToCodes(string text, string code) =>
        Assert.Equal(code, CategoryCodes.Normalize(text));
}
