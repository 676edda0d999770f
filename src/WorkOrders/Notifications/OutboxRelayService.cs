using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Hosting;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>Runs the <see cref="OutboxRelay"/>: a pass right after one that delivered, else after the poll interval.</summary>
public sealed partial class OutboxRelayService(
    OutboxRelay relay, IOptions<NotificationRelayOptions> options, TimeProvider clock, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    // A failed pass (the database unreachable or similar) has not moved the cursor; it is tried again after the interval.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(
            async cancellationToken => await relay.PumpAsync(cancellationToken) > 0,
            options.Value.PollInterval, clock, exception => LogPassFailed(logger, exception), stoppingToken);

    /// <summary>
    /// Stops the loop, then gives up this node's leases so another takes over at once. That is a courtesy: when it
    /// fails or the host's shutdown timeout cancels it, the leases lapse after their duration, and the host's other
    /// services still stop.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await relay.ReleaseAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            LogReleaseFailed(logger, exception, options.Value.LeaseDuration);
        }
    }

    [LoggerMessage(504, LogLevel.Warning, "A notification relay pass failed; retrying after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(508, LogLevel.Warning, "The notification relay's leases were not given up on shutdown; they lapse after {LeaseDuration}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, TimeSpan leaseDuration);
}
