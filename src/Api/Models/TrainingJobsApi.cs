using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Models.Training;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Api.Models;

/// <summary>
/// Training as a durable job: <c>POST /api/models/train</c> checks the request and queues a job (202 with its
/// Location), a worker trains it in the background, and <c>/api/models/training-jobs</c> shows its progress and result.
/// </summary>
public static class TrainingJobsApi
{
    private const int MaxListed = 500;

    public static RouteGroupBuilder MapTrainingJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapPost("/train", QueueAsync).WithName("TrainModelVersion")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queues a training job for an asset type on the stored telemetry in [from, to), labelled by the recorded outcomes: 202 with the job's Location. A worker trains it, evaluates it on held-out devices and stores a candidate version (activate it separately). 400 before anything is queued when the request cannot train; 409 while another job of the asset type is unfinished.");
        api.MapGet("/training-jobs", ListAsync).WithName("ListTrainingJobs").ProducesValidationProblem()
            .WithSummary("Training jobs, newest first (filter by assetType and status: Queued, Running, Succeeded, Failed, Cancelled; at most limit, default 50).");
        api.MapGet("/training-jobs/{id:guid}", GetAsync).WithName("GetTrainingJob").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One training job: status, stage and percent while it runs, the model version id once it succeeded, the error once it failed.");
        api.MapPost("/training-jobs/{id:guid}/cancel", CancelAsync).WithName("CancelTrainingJob")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancels a queued or running training job (body {\"reason\": \"...\"} optional): 200 with the job, now Cancelled; a running one stops at its worker's next heartbeat and stores no version. 404 for an unknown id, 409 when the job already ended.");
        return api;
    }

    public static async Task<Results<Accepted<TrainingJobView>, ValidationProblem, ProblemHttpResult>> QueueAsync(
        TrainModelRequest request, TrainingJobQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await queue.QueueAsync(request.AssetType, request.From, request.To, cancellationToken);
        if (result.Job is { } job)
        {
            return TypedResults.Accepted($"/api/models/training-jobs/{job.Id}", job);
        }

        return result.Conflict is { } conflict
            ? TypedResults.Problem(conflict, title: "A training job of this asset type is unfinished.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.ValidationProblem(result.Errors, title: "The training request is not valid.");
    }

    public static async Task<Results<Ok<IReadOnlyList<TrainingJobView>>, ValidationProblem>> ListAsync(
        string? assetType, string? status, int? limit, TrainingJobStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TrainingJobStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<TrainingJobStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"status '{status}' is not one of {string.Join(", ", Enum.GetNames<TrainingJobStatus>())}."];
            }
        }

        if (limit is < 1 or > MaxListed)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxListed}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The listing request is not valid.");
        }

        return TypedResults.Ok(await store.ListAsync(Codes.Normalize(assetType), wanted, limit ?? 50, cancellationToken));
    }

    public static async Task<Results<Ok<TrainingJobView>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelTrainingJobRequest? request, TrainingJobStore store, CancellationToken cancellationToken)
    {
        var result = await store.CancelAsync(id, request?.Reason, cancellationToken);
        return result switch
        {
            { Job: null } => NotFound(id),
            { Cancelled: true, Job: { } job } => TypedResults.Ok(job),
            { Job: { } ended } => TypedResults.Problem(
                $"Training job {id} already ended {ended.Status}; only a queued or running job can be cancelled.",
                title: "The training job already ended.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    public static async Task<Results<Ok<TrainingJobView>, ProblemHttpResult>> GetAsync(
        Guid id, TrainingJobStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : NotFound(id);

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"No training job has the id '{id}'.", title: "Training job not found", statusCode: StatusCodes.Status404NotFound);
}
