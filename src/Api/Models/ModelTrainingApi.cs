using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Maintenance.Models;

namespace WorkOrders.Api.Models;

/// <summary><c>POST /api/models/train</c>: a candidate version from stored history.</summary>
public static class ModelTrainingApi
{
    public static RouteHandlerBuilder MapModelTrainingApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/models/train", TrainAsync).WithTags("Models").WithName("TrainModelVersion")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Trains a candidate for an asset type from the stored telemetry in [from, to), labelled by the recorded outcomes, evaluates it on held-out devices and stores it with its metrics (activate it separately).");

    public static async Task<Results<Created<ModelVersionView>, ValidationProblem, ProblemHttpResult>> TrainAsync(
        TrainModelRequest request, ModelTrainingService training, CancellationToken cancellationToken)
    {
        var result = await training.TrainAsync(request, cancellationToken);
        if (result.Version is { } version)
        {
            return TypedResults.Created($"/api/models/{version.Id}", version);
        }

        return result.Problem is { } problem
            ? TypedResults.Problem(problem, title: "No model could be trained.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.ValidationProblem(result.Errors, title: "The training request is not valid.");
    }
}
