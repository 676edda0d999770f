using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Demo;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Engineers;

[Collection(DatabaseCollection.Name)]
public sealed class DemoSeedTests
{
    [Fact]
    public void DemoEngineers_CoverEveryDemoAssetType_AtBothSites()
    {
        var covered = DemoSeed.Engineers.SelectMany(e => e.Skills.Select(s => (e.Site, s.AssetType))).ToHashSet();

        foreach (var site in new[] { "plant-north", "plant-south" })
        {
            foreach (var assetType in new[] { "pump", "motor", "compressor", "fan" })
            {
                Assert.Contains((site, assetType), covered);
            }
        }
    }

    [Fact]
    public async Task SeedingTwice_AddsEachEngineerOnce_AndKeepsChangesMadeSince()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        await store.Services.SeedDemoDataAsync();
        await using (var db = store.CreateDbContext())
        {
            await db.Engineers.Where(e => e.Id == "eng-anna").ExecuteUpdateAsync(s => s.SetProperty(e => e.Active, false));
        }

        await store.Services.SeedDemoDataAsync();

        var engineers = await store.Engineers.ListAsync();
        Assert.Equal(DemoSeed.Engineers.Select(e => e.Id).Order(StringComparer.Ordinal), engineers.Select(e => e.Id));
        Assert.False(engineers.Single(e => e.Id == "eng-anna").Active);
        Assert.Equal(2, engineers.Single(e => e.Id == "eng-anna").Skills.Count);
    }
}
