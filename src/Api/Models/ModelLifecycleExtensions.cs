using WorkOrders.Contracts.Configuration;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Api.Models;

public static class ModelLifecycleExtensions
{
    /// <summary>
    /// Training (<c>Models:Training</c>) on every node; on a silo also the refreshed <see cref="IActiveModels"/> the
    /// device grains read (register before the grains, which otherwise fall back to no model).
    /// </summary>
    public static IServiceCollection AddModelLifecycle(this IServiceCollection services, IConfiguration configuration, bool silo)
    {
        services.AddOptions<ModelTrainingOptions>().BindValidatedSection(configuration, ModelTrainingOptions.Section);
        services.AddOptions<ModelLifecycleOptions>().BindValidatedSection(configuration, ModelLifecycleOptions.Section);
        services.AddSingleton<ModelTrainingService>();
        if (silo)
        {
            services.AddSingleton<DatabaseActiveModels>();
            services.AddSingleton<IActiveModels>(sp => sp.GetRequiredService<DatabaseActiveModels>());
            services.AddHostedService(sp => sp.GetRequiredService<DatabaseActiveModels>());
        }

        return services;
    }

    public static WebApplication MapModelLifecycle(this WebApplication app)
    {
        app.MapModelsApi();
        app.MapModelTrainingApi();
        app.MapOutcomesApi();
        return app;
    }
}
