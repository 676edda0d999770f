using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>
/// POSTs due <see cref="WebhookDelivery"/> rows, signed (<see cref="WebhookSignature"/>), and logs each attempt.
/// A failure schedules the next attempt in the row (<see cref="WebhookBackoff"/>), so retries survive a restart;
/// after <see cref="WebhookOptions.MaxAttempts"/> the delivery is dead. Each delivery is claimed with a conditional
/// update before its POST, so two nodes never send the same attempt.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<MaintenanceDbContext> contexts,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    NotificationMetrics metrics,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    private const int MaxErrorLength = 1000;

    /// <summary>Random numbers for jitter; replaceable so a test can fix the schedule.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Attempts every delivery due now (up to the batch size); returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = contexts.CreateDbContext())
        {
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Take(settings.BatchSize)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
        }

        var attempted = 0;
        foreach (var id in due)
        {
            if (await AttemptAsync(id, settings, cancellationToken))
            {
                attempted++;
            }
        }

        return attempted;
    }

    private async Task<bool> AttemptAsync(long deliveryId, WebhookOptions settings, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow();
        var delivery = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: WebhookDeliveryStatus.Pending, NextAttemptAt: { } dueAt } || dueAt > now)
        {
            return false;
        }

        // Claim: push the due time past the attempt; another node's claim of the same due time then matches nothing.
        var claimedUntil = now + settings.Timeout + settings.Timeout;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == dueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, claimedUntil), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var attempt = delivery.Attempts + 1;
        var (statusCode, error, duration) = subscription is { Active: true }
            ? await PostAsync(subscription, delivery, settings.Timeout, cancellationToken)
            : (null, "The subscription is inactive.", TimeSpan.Zero);
        var succeeded = statusCode is >= 200 and < 300;
        var finished = clock.GetUtcNow();
        var status = succeeded ? WebhookDeliveryStatus.Delivered
            : attempt >= settings.MaxAttempts || subscription is not { Active: true } ? WebhookDeliveryStatus.Dead
            : WebhookDeliveryStatus.Pending;
        DateTimeOffset? next = status == WebhookDeliveryStatus.Pending
            ? finished + WebhookBackoff.Delay(attempt, settings, Jitter())
            : null;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = deliveryId, Attempt = attempt, At = now, StatusCode = statusCode, Error = error,
            DurationMs = (long)duration.TotalMilliseconds, NextAttemptAt = next,
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Attempts, attempt)
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.NextAttemptAt, next), cancellationToken);

        var outcome = succeeded ? "succeeded" : status == WebhookDeliveryStatus.Dead ? "dead" : "failed";
        metrics.WebhookAttempt(outcome);
        if (status == WebhookDeliveryStatus.Dead)
        {
            LogDead(logger, deliveryId, delivery.EventId, delivery.SubscriptionId, attempt, error);
        }
        else if (!succeeded)
        {
            LogRetry(logger, deliveryId, delivery.EventId, attempt, statusCode, error, next);
        }

        return true;
    }

    private async Task<(int? StatusCode, string? Error, TimeSpan Duration)> PostAsync(
        WebhookSubscription subscription, WebhookDelivery delivery, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timestamp = WebhookSignature.Timestamp(clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, delivery.PayloadJson));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        var started = clock.GetTimestamp();
        try
        {
            using var client = httpClients.CreateClient(WebhookOptions.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            var code = (int)response.StatusCode;
            return (code, response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}", clock.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            return (null, Cut(exception.Message), clock.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No response within {timeout.TotalSeconds:0.###} s.", clock.GetElapsedTime(started));
        }
    }

    private static string Cut(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    [LoggerMessage(511, LogLevel.Information, "Webhook delivery {DeliveryId} (event {EventId}) attempt {Attempt} failed ({StatusCode}: {Error}); next attempt at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, long deliveryId, long eventId, int attempt, int? statusCode, string? error, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(512, LogLevel.Warning, "Webhook delivery {DeliveryId} (event {EventId}) to subscription {SubscriptionId} is dead after {Attempts} attempt(s): {Error}")]
    private static partial void LogDead(ILogger logger, long deliveryId, long eventId, Guid subscriptionId, int attempts, string? error);
}
