using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Notifications.Webhooks;

namespace WorkOrders.Api.Notifications;

/// <summary>Webhook subscriptions under <c>/api/webhooks</c> and their delivery log.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        api.MapGet("/", ListAsync).WithName("ListWebhooks")
            .WithSummary("Webhook subscriptions (url, event-type filter, active); secrets are never returned.");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One webhook subscription.");
        api.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Subscribes a URL to work-order events: each delivery is a signed JSON POST (see docs/notifications.md); empty eventTypes means all.");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Replaces url, eventTypes and active; the secret changes only when one is given.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes the subscription with its pending deliveries and log.");
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The delivery log, newest first: event, attempt, status code, error, duration and the next attempt's time.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<WebhookSubscriptionView>>> ListAsync(
        WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await subscriptions.ListAsync(cancellationToken));

    public static async Task<Results<Ok<WebhookSubscriptionView>, ProblemHttpResult>> GetAsync(
        Guid id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.FindAsync(id, cancellationToken) is { } subscription ? TypedResults.Ok(subscription) : NotFound(id);

    public static async Task<Results<Created<WebhookSubscriptionView>, ValidationProblem>> CreateAsync(
        WebhookSubscriptionRequest request, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var result = await subscriptions.CreateAsync(request, cancellationToken);
        return result.Subscription is { } created
            ? TypedResults.Created($"/api/webhooks/{created.Id}", created)
            : TypedResults.ValidationProblem(result.Errors, title: "The webhook subscription is not valid.");
    }

    public static async Task<Results<Ok<WebhookSubscriptionView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, WebhookSubscriptionRequest request, WebhookSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var result = await subscriptions.UpdateAsync(id, request, cancellationToken);
        if (result is null)
        {
            return NotFound(id);
        }

        return result.Subscription is { } updated
            ? TypedResults.Ok(updated)
            : TypedResults.ValidationProblem(result.Errors, title: "The webhook subscription is not valid.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<WebhookAttemptView>>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, int? limit, WebhookSubscriptions subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.DeliveriesAsync(id, limit ?? 100, cancellationToken) is { } log ? TypedResults.Ok(log) : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(
        $"No webhook subscription has the id '{id}'.", title: "Webhook subscription not found", statusCode: StatusCodes.Status404NotFound);
}
