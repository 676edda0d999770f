using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>
/// Applies the provider's migrations (and, when <c>Database:SeedDemoData</c> is true, the demo engineers)
/// in <see cref="IHostedLifecycleService.StartingAsync"/>, i.e. before any hosted service starts:
/// Kestrel, the Orleans silo and ingest all see a current schema.
/// </summary>
public sealed class MigrationRunner(IServiceProvider services, IOptions<MaintenanceStoreOptions> options, ILogger<MigrationRunner> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var store = options.Value;
        if (!store.MigrateOnStart)
        {
            logger.MigrationsSkipped(MaintenanceStoreOptions.MigrateOnStartKey);
            return;
        }

        await services.MigrateMaintenanceStoreAsync(cancellationToken);
        if (store.SeedDemoData)
        {
            await services.GetRequiredService<Demo.DemoSeed>().SeedAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
