using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Models;

[Collection(DatabaseCollection.Name)]
public sealed class ModelRegistryTests(PostgresServer postgres)
{
    private static NewModelVersion Candidate(string assetType, params byte[] artifact) => new(
        assetType, TestStore.Start.AddDays(-7), TestStore.Start, ["pump-1", "pump-2"], """{"holdoutError":0.42}""", artifact);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NumbersVersionsPerAssetType_AndStoresThemAsCandidatesWithTheirArtifactAndMetrics(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var registry = store.Services.GetRequiredService<ModelRegistry>();

        var pump1 = await registry.AddCandidateAsync(Candidate(" Pump ", 1, 2, 3));
        var fan1 = await registry.AddCandidateAsync(Candidate("fan", 9));
        var pump2 = await registry.AddCandidateAsync(Candidate("pump", 4, 5));

        Assert.Equal(("pump-v1", "fan-v1", "pump-v2"), (pump1.Label, fan1.Label, pump2.Label));
        Assert.All([pump1, fan1, pump2], v => Assert.Equal(ModelVersionStatus.Candidate, v.Status));
        Assert.Equal(0.42, pump1.Metrics.GetProperty("holdoutError").GetDouble());
        Assert.Equal(["pump-1", "pump-2"], pump1.Devices);
        var stored = await registry.FindAsync(pump2.Id);
        Assert.Equal([4, 5], stored!.Artifact);
        Assert.Equal(["pump-v2", "pump-v1"], (await registry.ListAsync("pump")).Select(v => v.Label));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Activate_RetiresTheActiveVersion_AndRollbackReactivatesItInOneStep(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var registry = store.Services.GetRequiredService<ModelRegistry>();
        var v1 = await registry.AddCandidateAsync(Candidate("pump", 1));
        var v2 = await registry.AddCandidateAsync(Candidate("pump", 2));
        await registry.ActivateAsync(v1.Id, "ops");
        store.Clock.Advance(TimeSpan.FromHours(1));

        var activated = await registry.ActivateAsync(v2.Id, "anna");

        Assert.Equal(ModelActivationOutcome.Activated, activated.Outcome);
        Assert.Equal(("pump-v2", "anna", TestStore.Start.AddHours(1)), (activated.Active!.Label, activated.Active.ActivatedBy, activated.Active.ActivatedAt));
        Assert.Equal(
            [("pump-v2", ModelVersionStatus.Active), ("pump-v1", ModelVersionStatus.Retired)],
            (await registry.ListAsync("pump")).Select(v => (v.Label, v.Status)));
        Assert.Equal([new ActiveModelVersion("pump", v2.Id, "pump-v2")], await registry.ActiveVersionsAsync());

        var rolledBack = await registry.RollbackAsync("pump", "anna");

        Assert.Equal(ModelActivationOutcome.Activated, rolledBack.Outcome);
        Assert.Equal("pump-v1", rolledBack.Active!.Label);
        Assert.Equal([new ActiveModelVersion("pump", v1.Id, "pump-v1")], await registry.ActiveVersionsAsync());
        await using var db = store.CreateDbContext();
        Assert.Equal(1, await db.ModelVersions.CountAsync(m => m.Status == ModelVersionStatus.Active));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rollback_IsAConflict_WhenTheActiveVersionWasTheFirst_AndNotFound_ForAnUnknownAssetType(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var registry = store.Services.GetRequiredService<ModelRegistry>();
        var v1 = await registry.AddCandidateAsync(Candidate("pump", 1));
        var noneActive = await registry.RollbackAsync("pump", "ops");
        await registry.ActivateAsync(v1.Id, "ops");

        var first = await registry.RollbackAsync("pump", "ops");
        var unknown = await registry.RollbackAsync("turbine", "ops");
        var missing = await registry.ActivateAsync(Guid.NewGuid(), "ops");

        Assert.Equal(ModelActivationOutcome.Conflict, noneActive.Outcome);
        Assert.Equal(ModelActivationOutcome.Conflict, first.Outcome);
        Assert.Equal("pump-v1 is the first version activated for 'pump'; there is no earlier version to roll back to.", first.Problem);
        Assert.Equal(ModelActivationOutcome.NotFound, unknown.Outcome);
        Assert.Equal(ModelActivationOutcome.NotFound, missing.Outcome);
        Assert.Equal([new ActiveModelVersion("pump", v1.Id, "pump-v1")], await registry.ActiveVersionsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RejectsASecondActiveVersionOfAnAssetType_AtTheDatabase(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var registry = store.Services.GetRequiredService<ModelRegistry>();
        var v1 = await registry.AddCandidateAsync(Candidate("pump", 1));
        var v2 = await registry.AddCandidateAsync(Candidate("pump", 2));
        await registry.ActivateAsync(v1.Id, "ops");

        await using var db = store.CreateDbContext();
        var second = await db.ModelVersions.SingleAsync(m => m.Id == v2.Id);
        second.Status = ModelVersionStatus.Active;

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
