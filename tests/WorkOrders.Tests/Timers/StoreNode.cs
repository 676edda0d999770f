using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Timers;

/// <summary>
/// Another process on a <see cref="TestStore"/>'s database: its own service provider wired like a host, the same
/// connection string and clock, and its own timer node id. Disposing it is a process stopping.
/// </summary>
public sealed class StoreNode : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private StoreNode(ServiceProvider services) => this.services = services;

    public DurableTimerScheduler Scheduler => services.GetRequiredService<DurableTimerScheduler>();

    public WorkOrderService WorkOrders => services.GetRequiredService<WorkOrderService>();

    public static StoreNode Start(TestStore store, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(store);
        string connectionString;
        using (var db = store.CreateDbContext())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [MaintenanceStoreOptions.ProviderKey] = store.Provider.ToString(),
                [MaintenanceStoreOptions.ConnectionStringKey] = connectionString,
                ["Timers:NodeId"] = nodeId,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(store.Clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddMaintenanceStore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new StoreNode(services);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
