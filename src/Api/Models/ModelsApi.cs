using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Outcomes;

namespace WorkOrders.Api.Models;

/// <summary>The model lifecycle under <c>/api/models</c>: versions, activation, one-step rollback and precision.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapGet("/", ListAsync).WithName("ListModelVersions")
            .WithSummary("Model versions, newest first per asset type, with their status and holdout metrics (filter by assetType).");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetModelVersion").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One model version with its training window, devices and holdout metrics.");
        api.MapPost("/{id:guid}/activate", ActivateAsync).WithName("ActivateModelVersion")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Makes the version the active one of its asset type; grains pick it up without a restart. The version it replaces is retired.");
        api.MapPost("/{assetType}/rollback", RollbackAsync).WithName("RollbackModelVersion")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Re-activates the version the active one replaced (one step back); 409 when there is none.");
        api.MapGet("/precision", PrecisionListAsync).WithName("ListModelPrecision")
            .WithSummary("Per model version (filter by assetType): confirmed / (confirmed + no-fault-found) outcomes of the orders it raised, with the counts.");
        api.MapGet("/{id:guid}/precision", PrecisionAsync).WithName("GetModelPrecision").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The precision of one model version from the outcomes engineers recorded; precision is null until an outcome exists.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ModelVersionView>>> ListAsync(
        string? assetType, ModelRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(assetType, cancellationToken));

    public static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> GetAsync(
        Guid id, ModelRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(id, cancellationToken) is { } version
            ? TypedResults.Ok(ModelVersionView.From(version))
            : NotFound($"No model version has the id '{id}'.");

    public static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> ActivateAsync(
        Guid id, ModelActionRequest? request, ModelRegistry registry, CancellationToken cancellationToken) =>
        Answer(await registry.ActivateAsync(id, Actor(request), cancellationToken), "The model version cannot be activated.");

    public static async Task<Results<Ok<ModelVersionView>, ProblemHttpResult>> RollbackAsync(
        string assetType, ModelActionRequest? request, ModelRegistry registry, CancellationToken cancellationToken) =>
        Answer(await registry.RollbackAsync(assetType, Actor(request), cancellationToken), "The asset type's model cannot be rolled back.");

    public static async Task<Ok<IReadOnlyList<ModelPrecision>>> PrecisionListAsync(
        string? assetType, OutcomeService outcomes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await outcomes.PrecisionAsync(assetType, cancellationToken: cancellationToken));

    public static async Task<Results<Ok<ModelPrecision>, ProblemHttpResult>> PrecisionAsync(
        Guid id, ModelRegistry registry, OutcomeService outcomes, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(id, cancellationToken) is not { } version)
        {
            return NotFound($"No model version has the id '{id}'.");
        }

        var precision = await outcomes.PrecisionAsync(modelVersion: version.Label, cancellationToken: cancellationToken);
        return TypedResults.Ok(precision.SingleOrDefault() ?? ModelPrecision.Of(version.Label, 0, 0));
    }

    private static string Actor(ModelActionRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Actor) ? "api" : request.Actor.Trim();

    private static Results<Ok<ModelVersionView>, ProblemHttpResult> Answer(ModelActivationResult result, string title) => result.Outcome switch
    {
        ModelActivationOutcome.Activated => TypedResults.Ok(result.Active!),
        ModelActivationOutcome.NotFound => NotFound(result.Problem!),
        _ => TypedResults.Problem(result.Problem, title: title, statusCode: StatusCodes.Status409Conflict),
    };

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, title: "Model version not found", statusCode: StatusCodes.Status404NotFound);
}
