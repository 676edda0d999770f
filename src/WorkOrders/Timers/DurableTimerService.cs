using WorkOrders.Maintenance.Sla;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Timers;

/// <summary>Runs <see cref="DurableTimerScheduler.RunDueAsync"/> every <see cref="DurableTimerOptions.PollInterval"/> of the injected clock.</summary>
public sealed class DurableTimerService(
    DurableTimerScheduler scheduler, TimeProvider clock, IOptions<DurableTimerOptions> options, ILogger<DurableTimerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        logger.SchedulerStarted(scheduler.NodeId, options.Value.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunDueAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed round (database restarting) must not stop the host; the next round retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.SchedulerRoundFailed(exception);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }
}
