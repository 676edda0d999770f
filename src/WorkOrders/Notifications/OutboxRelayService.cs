using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>Runs the <see cref="OutboxRelay"/>: a pass right after one that delivered, else after the poll interval.</summary>
public sealed partial class OutboxRelayService(
    OutboxRelay relay, IOptions<NotificationRelayOptions> options, TimeProvider clock, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered;
            try
            {
                delivered = await relay.PumpAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database is unreachable or similar: the cursor has not moved; try again after the interval.
                LogPassFailed(logger, exception);
                delivered = 0;
            }

            if (delivered == 0)
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await relay.ReleaseAsync(cancellationToken);
    }

    [LoggerMessage(504, LogLevel.Warning, "A notification relay pass failed; retrying after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
