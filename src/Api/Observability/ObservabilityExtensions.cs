using OpenTelemetry.Metrics;
using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Maintenance.Sla;

namespace WorkOrders.Api.Observability;

/// <summary>OpenTelemetry metrics, scraped by Prometheus at <c>/metrics</c>.</summary>
public static class ObservabilityExtensions
{
    public static IHostApplicationBuilder AddPlatformObservability(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.IncludeScopes = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(IngestMetrics.MeterName, GrainMetrics.MeterName, "WorkOrders.Broker", "WorkOrders.Maintenance", SlaMetrics.MeterName, "Microsoft.Orleans",
                WorkOrders.Maintenance.Notifications.NotificationMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }
}
