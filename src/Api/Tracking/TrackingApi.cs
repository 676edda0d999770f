using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Tracking;

namespace WorkOrders.Api.Tracking;

/// <summary>The customer's progress link as JSON at <c>/api/track/{token}</c>; no sign-in, and nothing but the <see cref="TrackingView"/>.</summary>
public static class TrackingApi
{
    public static RouteHandlerBuilder MapTrackingApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/track/{token}", GetAsync).WithTags("Tracking").WithName("TrackWorkOrder")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A customer's view of one order by its progress-link token: number, state, ETA and last update, nothing else.");

    public static async Task<Results<Ok<TrackingView>, ProblemHttpResult>> GetAsync(
        string token, TrackingQuery tracking, HttpResponse response, CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        return await tracking.FindAsync(token, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem("This link does not match an order.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
    }
}
