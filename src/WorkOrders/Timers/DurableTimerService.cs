using WorkOrders.Maintenance.Sla;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Hosting;

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
        await PollingLoop.RunAsync(
            async cancellationToken =>
            {
                await scheduler.RunDueAsync(cancellationToken);
                return false; // Timers come due with the clock: always wait for the next interval.
            },
            options.Value.PollInterval, clock, logger.SchedulerRoundFailed, stoppingToken);
    }
}
