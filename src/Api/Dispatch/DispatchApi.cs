using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Api.Dispatch;

/// <summary>
/// Dispatch endpoints: the decision and its reasons, preview, override, confirm a suggestion, the open pool and
/// claims (under <c>/api/workorders/{id}</c> and <c>/api/pool</c>), and the dispatch settings under <c>/api/dispatch</c>.
/// </summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/workorders").WithTags("Dispatch");
        orders.MapGet("/{id}/dispatch", GetAsync).WithName("GetDispatchDecision").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The order's latest dispatch decision: who, how (automatic, suggested, pool, confirmed, claimed, override, plan), "
                + "why this engineer (each rule that removed a candidate, the winner's score breakdown).");
        orders.MapPost("/{id}/dispatch/preview", PreviewAsync).WithName("PreviewDispatch").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Runs the rules and the score now and returns every candidate and exclusion without changing anything.");
        orders.MapPost("/{id}/dispatch", OverrideAsync).WithName("OverrideDispatch")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A dispatcher sends a New, Dispatched or Accepted order to the engineer given, whatever the rules say; the reason is required and recorded.");
        orders.MapPost("/{id}/dispatch/confirm", ConfirmAsync).WithName("ConfirmDispatch")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Suggested mode: a dispatcher confirms one of the (up to three) suggested engineers; 409 for anyone else.");
        orders.MapPost("/{id}/claim", ClaimAsync).WithName("ClaimWorkOrder")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Open-pool mode: an eligible engineer claims the order. The first claim wins, exactly once; every other claim gets 409.");

        app.MapGet("/api/pool", PoolAsync).WithTags("Dispatch").WithName("ListPool").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The New open-pool orders the engineer given by engineerId may claim now, oldest first.");

        var settings = app.MapGroup("/api/dispatch").WithTags("Dispatch");
        settings.MapGet("/categories", (DispatchSettingsService s, CancellationToken ct) => s.CategoriesAsync(ct)).WithName("ListDispatchCategories")
            .WithSummary("The dispatch mode and required certificate per category code; a category not listed is Automatic.");
        settings.MapPut("/categories/{category}", PutCategoryAsync).WithName("PutDispatchCategory")
            .WithSummary("Sets a category's mode (Automatic, Suggested, OpenPool) and the certificate its orders need.");
        settings.MapGet("/asset-types", (DispatchSettingsService s, CancellationToken ct) => s.AssetTypesAsync(ct)).WithName("ListAssetTypeRequirements")
            .WithSummary("The minimum skill level and certificate each asset type needs.");
        settings.MapPut("/asset-types/{assetType}", PutAssetTypeAsync).WithName("PutAssetTypeRequirement")
            .WithSummary("Sets the minimum skill level (1-5) and required certificate for an asset type.");
        settings.MapGet("/sites", (DispatchSettingsService s, CancellationToken ct) => s.SitesAsync(ct)).WithName("ListDispatchSites")
            .WithSummary("Sites with their region and coordinates.");
        settings.MapPut("/sites/{site}", PutSiteAsync).WithName("PutDispatchSite")
            .WithSummary("Sets a site's region (engineers of another region are not dispatched there) and coordinates (the job location of its orders without their own).");
        settings.MapPost("/plan", PlanApi.PlanAsync).WithName("PlanPreventiveWork")
            .WithSummary("Plans the New preventive orders into the engineers' free working time of the next days (OR-Tools or greedy), "
                + "minimising travel and lateness; a dry run unless apply is true, which assigns them with scheduled start times.");
        return app;
    }

    public static async Task<Results<Ok<DispatchRecord>, ProblemHttpResult>> GetAsync(string id, DispatchService dispatch, CancellationToken cancellationToken) =>
        await dispatch.GetAsync(id, cancellationToken) is { } record ? TypedResults.Ok(record) : NotFound(id);

    public static async Task<Results<Ok<DispatchPreview>, ProblemHttpResult>> PreviewAsync(string id, DispatchService dispatch, CancellationToken cancellationToken) =>
        await dispatch.PreviewAsync(id, cancellationToken) is { } preview ? TypedResults.Ok(preview) : NotFound(id);

    public static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> OverrideAsync(
        string id, DispatchOverride request, DispatchService dispatch, CancellationToken cancellationToken) =>
        ToHttp(await dispatch.OverrideAsync(id, request, cancellationToken), "The work order cannot be dispatched to this engineer.");

    public static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        string id, DispatchConfirmation request, DispatchService dispatch, CancellationToken cancellationToken) =>
        ToHttp(await dispatch.ConfirmAsync(id, request, cancellationToken), "The suggestion cannot be confirmed.");

    public static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        string id, PoolClaim request, DispatchService dispatch, CancellationToken cancellationToken) =>
        ToHttp(await dispatch.ClaimAsync(id, request, cancellationToken), "The work order cannot be claimed.");

    public static async Task<Results<Ok<IReadOnlyList<WorkOrderView>>, ValidationProblem, ProblemHttpResult>> PoolAsync(
        string? engineerId, DispatchService dispatch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(engineerId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["engineerId"] = ["engineerId is required."] }, title: "The pool query is not valid.");
        }

        return await dispatch.PoolAsync(engineerId.Trim(), cancellationToken) is { } pool
            ? TypedResults.Ok(pool)
            : TypedResults.Problem($"No engineer has the id '{engineerId}'.", title: "Engineer not found", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<CategoryDispatchView>, ValidationProblem>> PutCategoryAsync(
        string category, CategoryDispatchUpdate update, DispatchSettingsService settings, CancellationToken cancellationToken) =>
        Setting(await settings.PutCategoryAsync(category, update, cancellationToken));

    public static async Task<Results<Ok<AssetTypeRequirementView>, ValidationProblem>> PutAssetTypeAsync(
        string assetType, AssetTypeRequirementView update, DispatchSettingsService settings, CancellationToken cancellationToken) =>
        Setting(await settings.PutAssetTypeAsync(assetType, update, cancellationToken));

    public static async Task<Results<Ok<DispatchSiteView>, ValidationProblem>> PutSiteAsync(
        string site, DispatchSiteView update, DispatchSettingsService settings, CancellationToken cancellationToken) =>
        Setting(await settings.PutSiteAsync(site, update, cancellationToken));

    private static Results<Ok<T>, ValidationProblem> Setting<T>(SettingResult<T> result)
        where T : class =>
        result.Value is { } value ? TypedResults.Ok(value) : TypedResults.ValidationProblem(result.Errors, title: "The dispatch setting is not valid.");

    private static Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult> ToHttp(DispatchCommandResult result, string conflictTitle) =>
        result.Outcome switch
        {
            DispatchOutcome.Done => TypedResults.Ok(result.WorkOrder!),
            DispatchOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The dispatch request is not valid."),
            DispatchOutcome.Conflict => TypedResults.Problem(result.Problem, title: conflictTitle, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(result.Problem, title: "Work order not found", statusCode: StatusCodes.Status404NotFound),
        };

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        $"No work order has the id or number '{id}'.", title: "Work order not found", statusCode: StatusCodes.Status404NotFound);
}
