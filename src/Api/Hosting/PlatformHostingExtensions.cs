using WorkOrders.Contracts.Configuration;
using WorkOrders.Api.Audit;
using WorkOrders.Api.Broker;
using WorkOrders.Api.Catalog;
using WorkOrders.Api.Customers;
using WorkOrders.Api.DeadLetters;
using WorkOrders.Api.Dispatch;
using WorkOrders.Api.Demo;
using WorkOrders.Api.Engineers;
using WorkOrders.Api.Devices;
using WorkOrders.Api.Health;
using WorkOrders.Api.Intake;
using WorkOrders.Api.Models;
using WorkOrders.Api.Notifications;
using WorkOrders.Api.Observability;
using WorkOrders.Api.Sla;
using WorkOrders.Contracts.Devices;
using WorkOrders.Ingest;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Api.Hosting;

/// <summary>Composes the platform's roles into one ASP.NET Core host.</summary>
public static class PlatformHostingExtensions
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlatformOptions>().BindValidatedSection(builder.Configuration, PlatformOptions.Section);
        builder.Services.AddOptions<OrleansClusterOptions>().BindValidatedSection(builder.Configuration, OrleansClusterOptions.Section);
        builder.Services.AddOptions<EmbeddedBrokerOptions>().BindValidatedSection(builder.Configuration, EmbeddedBrokerOptions.Section);
        var platform = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new();
        var broker = builder.Configuration.GetSection(EmbeddedBrokerOptions.Section).Get<EmbeddedBrokerOptions>() ?? new();

        builder.AddPlatformObservability();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMaintenanceStore(builder.Configuration);
        builder.Services.AddSingleton<IDeviceDirectory, RegistryDeviceDirectory>();
        builder.Services.AddSingleton<FleetQueries>();
        builder.Services.AddSingleton<OpenWorkOrdersQuery>();
        builder.Services.AddPlatformNotifications(builder.Configuration);
        var health = builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);

        if (broker.Embedded)
        {
            builder.Services.AddSingleton<EmbeddedMqttBroker>();
            builder.Services.AddHostedService(p => p.GetRequiredService<EmbeddedMqttBroker>());
        }

        builder.Services.AddModelLifecycle(builder.Configuration, silo: platform.Runs("Silo"));
        builder.AddOrleansRole(platform);

        if (platform.Runs("Ingest"))
        {
            builder.Services.AddSingleton<IDeadLetterStore, DeadLetterStore>();
            builder.Services.AddTelemetryIngest(builder.Configuration);
            health.AddCheck<IngestHealthCheck>("ingest", tags: [HealthEndpoints.ReadyTag]);
        }

        if (platform.Demo)
        {
            builder.Services.AddHostedService<DemoFleetService>();
        }

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Host.ConfigureHostOptions(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));
        return builder;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapPlatformHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi();
        app.MapDevicesApi();
        app.MapWorkOrderImportApi();
        app.MapWorkOrdersApi();
        app.MapAuditApi();
        app.MapCategoriesApi();
        app.MapCustomersApi();
        app.MapEngineersApi();
        app.MapSlaApi();
        app.MapDispatchApi();
        app.MapDeadLettersApi();
        app.MapModelLifecycle();
        app.MapPlatformNotifications();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
