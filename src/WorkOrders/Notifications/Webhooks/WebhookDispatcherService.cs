using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Hosting;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>Runs the <see cref="WebhookDispatcher"/> on the poll interval (at once again after a busy pass).</summary>
public sealed partial class WebhookDispatcherService(
    WebhookDispatcher dispatcher, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcherService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(
            async cancellationToken => await dispatcher.DispatchDueAsync(cancellationToken) > 0,
            options.Value.PollInterval, clock, exception => LogPassFailed(logger, exception), stoppingToken);

    [LoggerMessage(513, LogLevel.Warning, "A webhook delivery pass failed; retrying after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
