using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.DeadLetters;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Persistence;

[Collection(DatabaseCollection.Name)]
public sealed class MigrationTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrations_CreateEveryTable_OnAnEmptyDatabase(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        await using var db = store.CreateDbContext();
        var applied = await db.Database.GetAppliedMigrationsAsync();
        var counts = new[]
        {
            await db.Devices.CountAsync(), await db.Engineers.CountAsync(), await db.EngineerSkills.CountAsync(),
            await db.WorkOrders.CountAsync(), await db.WorkOrderEvents.CountAsync(), await db.WorkOrderNumberCounters.CountAsync(),
            await db.GrainStates.CountAsync(), await db.DeadLetters.CountAsync(),
        };

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration captures: add a migration");
        Assert.All(counts, count => Assert.Equal(0, count));
        Assert.Equal(provider == DatabaseProvider.Sqlite ? typeof(SqliteMaintenanceDbContext) : typeof(PostgresMaintenanceDbContext), db.GetType());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheScopedContext_IsTheConfiguredProvidersContext_AndThePipelineIsRegistered(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        using var scope = store.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MaintenanceDbContext>();

        Assert.Equal(provider == DatabaseProvider.Sqlite ? typeof(SqliteMaintenanceDbContext) : typeof(PostgresMaintenanceDbContext), db.GetType());
        Assert.True(await db.Database.CanConnectAsync());
        Assert.Same(store.WorkOrders, scope.ServiceProvider.GetRequiredService<IPredictiveWorkOrders>());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrating_AgainAtTheNextStart_ChangesNothing(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);

        await store.Services.MigrateMaintenanceStoreAsync();

        await using var db = store.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DateTimeOffsets_RoundTripAsTheSameInstant_AndSortAndFilterInTheDatabase(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var instants = new[]
        {
            new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),   // 10:00 UTC
            new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero),           // 09:30 UTC
            new DateTimeOffset(2026, 5, 1, 6, 45, 0, TimeSpan.FromHours(-5)),  // 11:45 UTC
        };
        await using (var db = store.CreateDbContext())
        {
            foreach (var at in instants)
            {
                db.DeadLetters.Add(DeadLetter.Create(at, "pdm/v1/x/telemetry", "x", DeadLetterReasons.BadJson, "test", "{"u8));
            }

            await db.SaveChangesAsync();
        }

        await using var read = store.CreateDbContext();
        var cutoff = new DateTimeOffset(2026, 5, 1, 9, 45, 0, TimeSpan.Zero);
        var after = await read.DeadLetters.Where(d => d.ReceivedAt > cutoff).OrderBy(d => d.ReceivedAt).Select(d => d.ReceivedAt).ToListAsync();

        Assert.Equal([instants[0].ToUniversalTime(), instants[2].ToUniversalTime()], after);
        Assert.All(after, at => Assert.Equal(TimeSpan.Zero, at.Offset));
    }
}
