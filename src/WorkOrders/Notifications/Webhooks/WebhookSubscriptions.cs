using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>Webhook subscriptions as data: create, read, replace, delete, and the delivery log.</summary>
public sealed class WebhookSubscriptions(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<WebhookSubscriptionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(WebhookSubscriptionView.From)];
    }

    public async Task<WebhookSubscriptionView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return row is null ? null : WebhookSubscriptionView.From(row);
    }

    public async Task<WebhookSaveResult> CreateAsync(WebhookSubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (url, secret, types, errors) = Validate(request, secretRequired: true);
        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var row = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), Url = url!, Secret = secret!, EventTypes = types, Active = request.Active ?? true,
            CreatedAt = now, UpdatedAt = now,
        };
        await using var db = contexts.CreateDbContext();
        db.WebhookSubscriptions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new(WebhookSubscriptionView.From(row), errors.ToDictionary());
    }

    /// <summary>Replaces url, filter and active flag; the secret only when one is given. Null when the id is unknown.</summary>
    public async Task<WebhookSaveResult?> UpdateAsync(Guid id, WebhookSubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = contexts.CreateDbContext();
        var row = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var (url, secret, types, errors) = Validate(request, secretRequired: false);
        if (!errors.IsEmpty)
        {
            return new(null, errors.ToDictionary());
        }

        row.Url = url!;
        row.Secret = secret ?? row.Secret;
        row.EventTypes = types;
        row.Active = request.Active ?? row.Active;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new(WebhookSubscriptionView.From(row), errors.ToDictionary());
    }

    /// <summary>Deletes the subscription with its deliveries and their log; false when the id is unknown.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var row = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.WebhookSubscriptions.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The delivery log of a subscription, newest attempt first; null when the id is unknown.</summary>
    public async Task<IReadOnlyList<WebhookAttemptView>?> DeliveriesAsync(Guid id, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return null;
        }

        return await (
                from a in db.WebhookAttempts.AsNoTracking()
                join d in db.WebhookDeliveries.AsNoTracking() on a.DeliveryId equals d.Id
                where d.SubscriptionId == id
                orderby d.Id descending, a.Attempt descending
                select new WebhookAttemptView(
                    d.Id, d.EventId, d.EventType, d.Status, a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs, a.NextAttemptAt))
            .Take(Math.Clamp(limit, 1, 1000))
            .ToListAsync(cancellationToken);
    }

    private static (string? Url, string? Secret, string EventTypes, ValidationErrors Errors) Validate(
        WebhookSubscriptionRequest request, bool secretRequired)
    {
        var errors = new ValidationErrors();
        var url = errors.Text("url", request.Url, WebhookRules.MaxUrlLength, required: true);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("url", "url must be an absolute http or https URL.");
        }

        var secret = errors.Text("secret", request.Secret, WebhookRules.MaxSecretLength, required: secretRequired);
        if (secret is { Length: < WebhookRules.MinSecretLength })
        {
            errors.Add("secret", $"secret must be at least {WebhookRules.MinSecretLength} characters.");
        }

        var types = (request.EventTypes ?? []).Select(t => t?.Trim() ?? "").ToList();
        if (types.Count > WebhookRules.MaxEventTypes)
        {
            errors.Add("eventTypes", $"eventTypes may name at most {WebhookRules.MaxEventTypes} types.");
        }
        else if (types.Any(t => t.Length is 0 or > 64 || t.Contains(',', StringComparison.Ordinal)))
        {
            errors.Add("eventTypes", "eventTypes must be non-empty event type names of at most 64 characters, without commas.");
        }

        return (url, secret, string.Join(',', types.Distinct(StringComparer.Ordinal)), errors);
    }
}
