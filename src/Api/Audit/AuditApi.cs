using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Audit;

namespace WorkOrders.Api.Audit;

/// <summary>The audit trail of a work order under <c>/api/workorders/{id}/audit</c>; <c>{id}</c> is a GUID or a number.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workorders/{id}/audit").WithTags("Audit");
        api.MapGet("/", GetAsync).WithName("GetWorkOrderAudit").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The order's append-only audit trail in sequence order: who (actor, role), what, when, where, note, and each event's hash chain.")
            .WithDescription("Each event's hash is SHA-256 over its fields and the previous event's hash (format pdm-audit-v1, docs/work-orders.md), "
                + "so the values shown are enough to recompute the chain.");
        api.MapGet("/verify", VerifyAsync).WithName("VerifyWorkOrderAudit").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Re-hashes the order's stored events: {valid, events, firstBrokenSequence, reason}; a changed, removed or reordered event breaks the chain.");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEventView>>, ProblemHttpResult>> GetAsync(
        string id, AuditTrail audit, CancellationToken cancellationToken) =>
        await audit.GetAsync(id, cancellationToken) is { } events ? TypedResults.Ok(events) : NotFound(id);

    public static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(
        string id, AuditTrail audit, CancellationToken cancellationToken) =>
        await audit.VerifyAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : NotFound(id);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        $"No work order has the id or number '{id}'.", title: "Work order not found", statusCode: StatusCodes.Status404NotFound);
}
