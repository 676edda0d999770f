using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkOrders.Contracts.Configuration;

namespace WorkOrders.Maintenance.Models.Training;

public static class TrainingJobExtensions
{
    /// <summary>
    /// The training-job queue and store (<c>Models:TrainingJobs</c>) on a node with the maintenance store; with a
    /// runner type, also the worker that trains queued jobs on this node.
    /// </summary>
    public static IServiceCollection AddTrainingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrainingJobOptions>().BindValidatedSection(configuration, TrainingJobOptions.Section);
        services.TryAddSingleton<TrainingJobStore>();
        services.TryAddSingleton<TrainingJobQueue>();
        return services;
    }

    /// <summary>The worker, running queued jobs with <typeparamref name="TRunner"/>.</summary>
    public static IServiceCollection AddTrainingJobWorker<TRunner>(this IServiceCollection services)
        where TRunner : class, ITrainingJobRunner
    {
        services.TryAddSingleton<TRunner>();
        services.TryAddSingleton<ITrainingJobRunner>(sp => sp.GetRequiredService<TRunner>());
        services.TryAddSingleton<TrainingJobWorker>();
        services.AddHostedService<TrainingJobService>();
        return services;
    }
}
