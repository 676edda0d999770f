using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Demo;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Persistence;

[Collection(DatabaseCollection.Name)]
public sealed class MaintenanceStoreOptionsTests(PostgresServer postgres)
{
    [Fact]
    public void DefaultsToSqlite_InTheDotDataFolder()
    {
        var options = Options(new());

        Assert.Equal(DatabaseProvider.Sqlite, options.ParsedProvider);
        Assert.Equal("Data Source=.data/workorders.db", options.EffectiveConnectionString);
        Assert.True(options.MigrateOnStart);
        Assert.False(options.SeedDemoData);
    }

    [Fact]
    public void AcceptsTheProviderNameInAnyCase()
    {
        var options = Options(new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:Maintenance"] = "Host=db;Database=pdm" });

        Assert.Equal(DatabaseProvider.Postgres, options.ParsedProvider);
        Assert.Equal("Host=db;Database=pdm", options.EffectiveConnectionString);
    }

    [Fact]
    public async Task AnUnknownProvider_StopsTheHost_NamingTheKey()
    {
        using var host = Host(new() { ["Database:Provider"] = "MySql" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Database:Provider must be 'Sqlite' or 'Postgres', not 'MySql'.", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_StopsTheHost_NamingTheKey()
    {
        using var host = Host(new() { ["Database:Provider"] = "Postgres" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("ConnectionStrings:Maintenance is required when Database:Provider is 'Postgres'.", Assert.Single(error.Failures));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheMigrationRunner_MigratesAndSeeds_BeforeTheHostIsStarted(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workorders-host-{Guid.NewGuid():N}");
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(directory, "pdm.db")}"
            : await postgres.CreateDatabaseAsync();
        using var host = Host(new()
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Maintenance"] = connectionString,
            ["Database:SeedDemoData"] = "true",
        });

        await host.StartAsync();

        await using (var db = host.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(DemoSeed.Engineers.Count, await db.Engineers.CountAsync());
        }

        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static MaintenanceStoreOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddMaintenanceStore(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<MaintenanceStoreOptions>>().Value;
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging().AddMaintenanceStore(builder.Configuration);
        return builder.Build();
    }
}
