using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;

namespace WorkOrders.WorkOrders.Tests.Infrastructure;

/// <summary>
/// A migrated, empty maintenance store on a fresh database of the given provider, wired exactly as a host wires it
/// (<see cref="MaintenanceStoreExtensions.AddMaintenanceStore"/>), with one <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;
    private readonly string? directory;

    private TestStore(DatabaseProvider provider, ServiceProvider services, FakeTimeProvider clock, string? directory)
    {
        Provider = provider;
        this.services = services;
        Clock = clock;
        this.directory = directory;
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => services;

    public WorkOrderService WorkOrders => services.GetRequiredService<WorkOrderService>();

    public DeviceRegistry Devices => services.GetRequiredService<DeviceRegistry>();

    public EngineerDirectory Engineers => services.GetRequiredService<EngineerDirectory>();

    public static async Task<TestStore> CreateAsync(
        DatabaseProvider provider, PostgresServer? postgres = null, IDictionary<string, string?>? settings = null)
    {
        string? directory = null;
        string connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), $"workorders-tests-{Guid.NewGuid():N}");
            // A folder that does not exist yet: the store creates it.
            connectionString = $"Data Source={Path.Combine(directory, "nested", "workorders.db")}";
        }
        else
        {
            connectionString = postgres is null
                ? throw new ArgumentNullException(nameof(postgres), "PostgreSQL tests take the collection's PostgresServer.")
                : await postgres.CreateDatabaseAsync();
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [MaintenanceStoreOptions.ProviderKey] = provider.ToString(),
                [MaintenanceStoreOptions.ConnectionStringKey] = connectionString,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddMaintenanceStore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await services.MigrateMaintenanceStoreAsync();
        return new TestStore(provider, services, clock, directory);
    }

    public MaintenanceDbContext CreateDbContext() =>
        services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext();

    /// <summary>Adds an active engineer with the given skills.</summary>
    public async Task<EngineerView> AddEngineerAsync(string id, string site, params (string AssetType, int Level)[] skills)
    {
        var result = await Engineers.RegisterAsync(new EngineerRegistration(
            id, $"Engineer {id}", site, [.. skills.Select(s => new EngineerSkillView(s.AssetType, s.Level))]));
        return result.Engineer ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>Gives <paramref name="engineerId"/> <paramref name="count"/> orders in progress (their load).</summary>
    public async Task AddLoadAsync(string engineerId, int count)
    {
        await using var db = CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            db.WorkOrders.Add(new WorkOrder
            {
                Id = Guid.NewGuid(),
                Number = $"WO-99-{engineerId}-{i}",
                Title = "Existing job",
                Site = "elsewhere",
                Status = WorkOrderStatus.InProgress,
                AssigneeId = engineerId,
                CreatedAt = Clock.GetUtcNow(),
                UpdatedAt = Clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (directory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
