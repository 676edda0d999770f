using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Maintenance.Planning;

namespace WorkOrders.Api.Dispatch;

/// <summary><c>POST /api/dispatch/plan</c>: the batch plan of preventive work, dry run or applied.</summary>
public static class PlanApi
{
    public static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        PlanRequest request, BatchPlanningService planning, CancellationToken cancellationToken)
    {
        var result = await planning.PlanAsync(request, cancellationToken);
        if (result.Conflict is { } conflict)
        {
            return TypedResults.Problem(conflict, title: "The plan could not be applied.", statusCode: StatusCodes.Status409Conflict);
        }

        return result.Plan is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.ValidationProblem(result.Errors, title: "The plan request is not valid.");
    }
}
