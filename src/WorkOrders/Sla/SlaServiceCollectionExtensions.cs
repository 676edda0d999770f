using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WorkOrders.Contracts.Configuration;
using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.Timers;

namespace WorkOrders.Maintenance.Sla;

public static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// The SLA clocks, escalation, the SLA catalog and its seed, and the durable-timer scheduler (bound from
    /// <c>Timers</c>, validated on start) with its hosted loop.
    /// </summary>
    public static IServiceCollection AddSlaServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.AddOptions<DurableTimerOptions>().BindValidatedSection(configuration, DurableTimerOptions.Section);
        services.TryAddSingleton<SlaMetrics>();
        services.TryAddSingleton<SlaCatalog>();
        services.TryAddSingleton<SlaClock>();
        services.TryAddSingleton<SlaSeed>();
        services.TryAddSingleton<SlaAdministration>();
        services.TryAddSingleton<Escalator>();
        services.TryAddSingleton<EscalationService>();
        services.TryAddSingleton<IDurableTimerHandler, SlaTimerHandler>();
        services.TryAddSingleton<DurableTimerScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DurableTimerService>());
        return services;
    }
}
