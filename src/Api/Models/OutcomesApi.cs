using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Outcomes;

namespace WorkOrders.Api.Models;

/// <summary>What the engineer found on a predictive work order: <c>/api/workorders/{id}/outcome</c>.</summary>
public static class OutcomesApi
{
    public static RouteGroupBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workorders/{id}/outcome").WithTags("Work orders");
        api.MapPut("/", PutAsync).WithName("RecordWorkOrderOutcome")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records (or replaces) what was found on a completed predictive order: finding confirmed (with failureMode) or no-fault-found. The next training run and the model's precision use it.");
        api.MapGet("/", GetAsync).WithName("GetWorkOrderOutcome").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The outcome recorded for a predictive order.");
        return api;
    }

    public static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string id, OutcomeRequest request, OutcomeService outcomes, CancellationToken cancellationToken)
    {
        var result = await outcomes.RecordAsync(id, request, cancellationToken);
        return result.Status switch
        {
            OutcomeStatus.Recorded => TypedResults.Ok(result.Outcome!),
            OutcomeStatus.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The outcome is not valid."),
            OutcomeStatus.Conflict => TypedResults.Problem(
                result.Problem, title: "The work order cannot take an outcome.", statusCode: StatusCodes.Status409Conflict),
            _ => NotFound(id),
        };
    }

    public static async Task<Results<Ok<OutcomeView>, ProblemHttpResult>> GetAsync(
        string id, OutcomeService outcomes, CancellationToken cancellationToken) =>
        await outcomes.FindAsync(id, cancellationToken) is { } outcome ? TypedResults.Ok(outcome) : NotFound(id);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        $"No outcome is recorded for a work order with the id or number '{id}'.", title: "Outcome not found",
        statusCode: StatusCodes.Status404NotFound);
}
