using WorkOrders.Contracts.Configuration;
using WorkOrders.Maintenance.Models.Training;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Api.Models;

public static class ModelLifecycleExtensions
{
    /// <summary>
    /// Training (<c>Models:Training</c>) as durable jobs (<c>Models:TrainingJobs</c>) on every node, trained by the
    /// nodes that can read stored history; on a silo also the refreshed <see cref="IActiveModels"/> the device grains
    /// read (register before the grains, which otherwise fall back to no model).
    /// </summary>
    public static IServiceCollection AddModelLifecycle(this IServiceCollection services, IConfiguration configuration, bool silo)
    {
        services.AddOptions<ModelTrainingOptions>().BindValidatedSection(configuration, ModelTrainingOptions.Section);
        services.AddOptions<ModelLifecycleOptions>().BindValidatedSection(configuration, ModelLifecycleOptions.Section);
        services.AddTrainingJobs(configuration);
        services.AddTrainingJobWorker<ModelTrainingService>();
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
        app.MapTrainingJobsApi();
        app.MapOutcomesApi();
        return app;
    }
}
