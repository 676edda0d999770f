using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Roles;
using WorkOrders.Maintenance.WorkOrders;

// Not WorkOrders.Api.WorkOrders: that namespace would shadow the root `WorkOrders` namespace for every file and
// Razor import under WorkOrders.Api (`@using WorkOrders.Api.Devices` would resolve to WorkOrders.Api.WorkOrders.Api…).
namespace WorkOrders.Api;

/// <summary>The work-order endpoints under <c>/api/workorders</c>; <c>{id}</c> is a GUID or a number like <c>WO-26-00042</c>.</summary>
public static class WorkOrdersApi
{
    public static RouteGroupBuilder MapWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workorders").WithTags("Work orders");
        api.MapGet("/", ListAsync).WithName("ListWorkOrders")
            .WithSummary("Work orders, newest first, filtered by status, source, deviceId, assetType or assigneeId, one page at a time.");
        api.MapGet("/{id}", GetAsync).WithName("GetWorkOrder").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One work order by id or number, with the statuses it may move to next.");
        api.MapPost("/", CreateAsync).WithName("CreateWorkOrder")
            .WithSummary("Opens a work order (source Phone, Web or Api) and assigns a qualified engineer; a repeated idempotencyKey returns the first order.");
        api.MapPost("/{id}/transitions", TransitionAsync).WithName("TransitionWorkOrder")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Moves a work order to another status; an illegal move is a 409 that says which moves are possible.")
            .WithDescription("The body names the actor and their role (Engineer, Dispatcher, Planner, Agent, Customer, System, Admin), "
                + "an optional note and position (latitude, longitude, accuracyMeters). A role that may not make the move is a 403 naming the "
                + "roles that may; an engineer may move only orders assigned to them. to=Rejected (engineer, note required) sends the order "
                + "back to dispatch (New, assignee cleared); to=Dispatched with assigneeId on a dispatched or accepted order reassigns it; "
                + "to=InProgress or New on a completed, verified or closed order reopens it.");
        api.MapGet("/{id}/events", EventsAsync).WithName("ListWorkOrderEvents").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The work order's history, oldest first: opened, dispatched (and why that engineer), every move.");
        return api;
    }

    public static async Task<Results<Ok<WorkOrderPage>, ValidationProblem>> ListAsync(
        WorkOrderService workOrders, string? status, string? source, string? deviceId, string? assetType, string? assigneeId,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (query, errors) = WorkOrderQuery.Parse(status, source, deviceId, assetType, assigneeId, page, pageSize);
        return query is null
            ? TypedResults.ValidationProblem(errors, title: "The work-order query is not valid.")
            : TypedResults.Ok(await workOrders.QueryAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<WorkOrderView>, ProblemHttpResult>> GetAsync(
        string id, WorkOrderService workOrders, CancellationToken cancellationToken) =>
        await workOrders.GetAsync(id, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : NotFound(id);

    public static async Task<Results<Created<WorkOrderView>, Ok<WorkOrderView>, ValidationProblem>> CreateAsync(
        NewWorkOrder request, WorkOrderService workOrders, CancellationToken cancellationToken)
    {
        var result = await workOrders.CreateAsync(request, cancellationToken);
        if (result.WorkOrder is not { } order)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The work order is not valid.");
        }

        return result.Created ? TypedResults.Created($"/api/workorders/{order.Number}", order) : TypedResults.Ok(order);
    }

    public static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        string id, WorkOrderTransitionRequest request, WorkOrderService workOrders, IActorContext actors, CancellationToken cancellationToken)
    {
        var result = await workOrders.TransitionAsync(id, request, actors.Current, cancellationToken);
        return result.Outcome switch
        {
            TransitionOutcome.Moved => TypedResults.Ok(result.WorkOrder!),
            TransitionOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The transition is not valid."),
            TransitionOutcome.Conflict => TypedResults.Problem(
                result.Problem, title: "The work order cannot make this move.", statusCode: StatusCodes.Status409Conflict),
            TransitionOutcome.Forbidden => TypedResults.Problem(
                result.Problem, title: "This role may not make this move.", statusCode: StatusCodes.Status403Forbidden),
            _ => NotFound(id),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkOrderEventView>>, ProblemHttpResult>> EventsAsync(
        string id, WorkOrderService workOrders, CancellationToken cancellationToken) =>
        await workOrders.GetEventsAsync(id, cancellationToken) is { } events
            ? TypedResults.Ok(events)
            : NotFound(id);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        $"No work order has the id or number '{id}'.", title: "Work order not found", statusCode: StatusCodes.Status404NotFound);
}
