using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Hosting;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>Runs <see cref="TrainingJobWorker.RunOnceAsync"/> until stopped, waiting <see cref="TrainingJobOptions.PollInterval"/> when idle.</summary>
public sealed partial class TrainingJobService(
    TrainingJobWorker worker, ITrainingJobRunner runner, TimeProvider clock, IOptions<TrainingJobOptions> options,
    ILogger<TrainingJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !runner.IsAvailable)
        {
            LogNotTraining();
            return;
        }

        LogStarted(worker.NodeId, options.Value.PollInterval);
        await PollingLoop.RunAsync(worker.RunOnceAsync, options.Value.PollInterval, clock, LogRoundFailed, stoppingToken);
    }

    [LoggerMessage(149, LogLevel.Information, "Training worker {NodeId} started; polling every {PollInterval}")]
    private partial void LogStarted(string nodeId, TimeSpan pollInterval);

    [LoggerMessage(150, LogLevel.Information, "This node trains no models (Models:TrainingJobs:Enabled is false or it cannot read stored history)")]
    private partial void LogNotTraining();

    [LoggerMessage(151, LogLevel.Warning, "A training worker round failed; retrying after the poll interval")]
    private partial void LogRoundFailed(Exception exception);
}
