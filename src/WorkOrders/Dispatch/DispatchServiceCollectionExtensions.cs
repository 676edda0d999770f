using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkOrders.Contracts.Configuration;
using WorkOrders.Maintenance.Planning;

namespace WorkOrders.Maintenance.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>The dispatch engine and commands, the batch planner, and the validated <c>Dispatch</c> and <c>Planning</c> options.</summary>
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DispatchOptions>().BindValidatedSection(configuration, DispatchOptions.Section);
        services.AddOptions<PlanningOptions>().BindValidatedSection(configuration, PlanningOptions.Section);
        services.TryAddSingleton<DispatchEngine>();
        services.TryAddSingleton<DispatchService>();
        services.TryAddSingleton<DispatchSettingsService>();
        services.TryAddSingleton<BatchPlanningService>();
        return services;
    }
}
