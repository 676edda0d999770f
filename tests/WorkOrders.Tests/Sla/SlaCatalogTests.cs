using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Sla;

[Collection(DatabaseCollection.Name)]
public sealed class SlaCatalogTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PicksThePolicyOfTheTier_FallsBackToStandard_ThenToTheConfiguredTargets(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var admin = store.Services.GetRequiredService<SlaAdministration>();
        var gold = await admin.SavePolicyAsync("gold-high", new(
            "High", "gold", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6), SlaSeed.OfficeHoursCalendarId, null, null, null, null));
        var catalog = store.Services.GetRequiredService<SlaCatalog>();
        await using var db = store.CreateDbContext();
        await db.SlaPolicies.Where(p => p.Id == "standard-low").ExecuteDeleteAsync();

        var forGold = await catalog.TermsForAsync(db, Order(WorkOrderPriority.High, "gold"), CancellationToken.None);
        var forSilver = await catalog.TermsForAsync(db, Order(WorkOrderPriority.High, "silver"), CancellationToken.None);
        var forNull = await catalog.TermsForAsync(db, Order(WorkOrderPriority.High, null), CancellationToken.None);
        var forLow = await catalog.TermsForAsync(db, Order(WorkOrderPriority.Low, "gold"), CancellationToken.None);

        Assert.NotNull(gold.Value);
        Assert.Equal(("gold-high", false, "Europe/Stockholm"), (forGold.Policy.Id, forGold.Calendar.IsAlwaysOpen, forGold.Calendar.Zone.Id));
        Assert.Equal(("standard-high", true), (forSilver.Policy.Id, forSilver.Calendar.IsAlwaysOpen));
        Assert.Equal("standard-high", forNull.Policy.Id);
        Assert.Equal((SlaCatalog.BuiltInPolicyId, TimeSpan.FromDays(3), TimeSpan.FromDays(14)), (forLow.Policy.Id, forLow.Policy.Response, forLow.Policy.Resolution));
        Assert.Equal("default", forGold.Ladder.Id);
    }

    private static WorkOrder Order(WorkOrderPriority priority, string? tier) => new()
    {
        Number = "WO-26-00001", Title = "t", Priority = priority, CustomerTier = tier, CreatedAt = TestStore.Start,
    };
}
