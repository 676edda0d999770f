using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Configuration;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Audit;
using WorkOrders.Maintenance.Catalog;
using WorkOrders.Maintenance.Customers;
using WorkOrders.Maintenance.Demo;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Roles;
using WorkOrders.Maintenance.Intake;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Outcomes;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Persistence;

public static class MaintenanceStoreExtensions
{
    /// <summary>
    /// Registers the maintenance store for the provider in <c>Database:Provider</c> (<c>Sqlite</c> by default,
    /// or <c>Postgres</c>) at <c>ConnectionStrings:Maintenance</c>, the work-order services, and the hosted
    /// <see cref="MigrationRunner"/>. Both the store options and <c>Sla</c> are validated on start.
    /// </summary>
    public static IServiceCollection AddMaintenanceStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MaintenanceStoreOptions>()
            .Bind(configuration.GetSection("Database"))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("Maintenance"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MaintenanceStoreOptions>, MaintenanceStoreOptionsValidator>());
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MaintenanceContextFactory>();
        services.TryAddSingleton<IDbContextFactory<MaintenanceDbContext>>(sp => sp.GetRequiredService<MaintenanceContextFactory>());
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext());

        services.TryAddSingleton<DeviceRegistry>();
        services.TryAddSingleton<EngineerDirectory>();
        services.TryAddSingleton<EngineerAssignment>();
        services.AddDispatch(configuration);
        services.TryAddSingleton<SlaPolicy>();
        services.AddOptions<PredictivePlanningOptions>().BindValidatedSection(configuration, PredictivePlanningOptions.Section);
        services.TryAddSingleton<PredictivePlanner>();
        services.TryAddSingleton<ModelRegistry>();
        services.TryAddSingleton<OutcomeService>();
        services.TryAddSingleton<WorkOrderService>();
        services.TryAddSingleton<IPredictiveWorkOrders>(sp => sp.GetRequiredService<WorkOrderService>());
        services.TryAddSingleton<DemoSeed>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<IActorContext, RequestBodyActorContext>();
        services.TryAddSingleton<CatalogSeed>();
        services.TryAddSingleton<CategoryCatalog>();
        services.TryAddSingleton<CustomerDirectory>();
        services.TryAddSingleton<WorkOrderImport>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, MigrationRunner>());
        services.AddSlaServices(configuration);
        services.AddNotifications(configuration);
        return services;
    }

    /// <summary>
    /// Applies the configured provider's pending migrations, then adds the default categories that are missing
    /// (<see cref="CatalogSeed"/>); safe to call from several processes.
    /// </summary>
    public static async Task MigrateMaintenanceStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<MaintenanceContextFactory>();
        var logger = services.GetRequiredService<ILogger<MigrationRunner>>();
        await using var db = factory.CreateDbContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await services.GetRequiredService<SlaSeed>().SeedAsync(cancellationToken);
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            // Readers keep reading while one writer commits; set once, kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        logger.Migrated(factory.Provider, pending.Count);
        await services.GetRequiredService<CatalogSeed>().SeedAsync(cancellationToken);
    }

    /// <summary>Adds the demo engineers if they are missing (<see cref="DemoSeed"/>).</summary>
    public static Task SeedDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<DemoSeed>().SeedAsync(cancellationToken);
    }
}
