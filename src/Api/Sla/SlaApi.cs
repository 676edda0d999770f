using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Api.Sla;

/// <summary>
/// SLA data under <c>/api/sla</c> (policies, calendars, escalation ladders), an order's SLA clocks, and manual
/// escalation at <c>POST /api/workorders/{id}/escalate</c>.
/// </summary>
public static class SlaApi
{
    public static RouteGroupBuilder MapSlaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sla").WithTags("SLA");
        api.MapGet("/policies", ListPoliciesAsync).WithName("ListSlaPolicies")
            .WithSummary("SLA policies: response, arrival and resolution targets per priority and customer tier, their calendar and pause statuses.");
        api.MapGet("/policies/{id}", GetPolicyAsync).WithName("GetSlaPolicy").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One SLA policy.");
        api.MapPut("/policies/{id}", PutPolicyAsync).WithName("PutSlaPolicy").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates or replaces a policy; applies to orders opened afterwards and to clocks recomputed on their next status change.");
        api.MapGet("/calendars", ListCalendarsAsync).WithName("ListSlaCalendars")
            .WithSummary("Business-hours calendars: weekly open hours in a time zone, and holidays.");
        api.MapGet("/calendars/{id}", GetCalendarAsync).WithName("GetSlaCalendar").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One business-hours calendar.");
        api.MapPut("/calendars/{id}", PutCalendarAsync).WithName("PutSlaCalendar")
            .WithSummary("Creates or replaces a calendar; periods are local times within one day (split overnight shifts at midnight).");
        api.MapGet("/ladders", ListLaddersAsync).WithName("ListEscalationLadders")
            .WithSummary("Escalation ladders: assignee, then the team lead, then the manager, with the business-time delays between steps.");
        api.MapPut("/ladders/{id}", PutLadderAsync).WithName("PutEscalationLadder")
            .WithSummary("Creates or replaces an escalation ladder; team lead and manager are engineer ids.");

        var orders = app.MapGroup("/api/workorders").WithTags("Work orders");
        orders.MapGet("/{id}/sla", GetClockAsync).WithName("GetWorkOrderSla").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The order's SLA clocks: policy, due times, paused time, escalation level and its timers.");
        orders.MapPost("/{id}/escalate", EscalateAsync).WithName("EscalateWorkOrder")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Escalates the order one level up its ladder and records an 'escalated' event naming whom to notify.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<SlaPolicyView>>> ListPoliciesAsync(SlaAdministration sla, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sla.PoliciesAsync(cancellationToken));

    public static async Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> GetPolicyAsync(
        string id, SlaAdministration sla, CancellationToken cancellationToken) =>
        await sla.PolicyAsync(id, cancellationToken) is { } policy ? TypedResults.Ok(policy) : NotFound("SLA policy", "SLA policy", id);

    public static async Task<Results<Created<SlaPolicyView>, Ok<SlaPolicyView>, ValidationProblem, ProblemHttpResult>> PutPolicyAsync(
        string id, SlaPolicyRequest request, SlaAdministration sla, CancellationToken cancellationToken) =>
        Saved(await sla.SavePolicyAsync(id, request, cancellationToken), $"/api/sla/policies/{id}", "The SLA policy is not valid.");

    public static async Task<Ok<IReadOnlyList<SlaCalendarView>>> ListCalendarsAsync(SlaAdministration sla, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sla.CalendarsAsync(cancellationToken));

    public static async Task<Results<Ok<SlaCalendarView>, ProblemHttpResult>> GetCalendarAsync(
        string id, SlaAdministration sla, CancellationToken cancellationToken) =>
        await sla.CalendarAsync(id, cancellationToken) is { } calendar ? TypedResults.Ok(calendar) : NotFound("SLA calendar", "SLA calendar", id);

    public static async Task<Results<Created<SlaCalendarView>, Ok<SlaCalendarView>, ValidationProblem, ProblemHttpResult>> PutCalendarAsync(
        string id, SlaCalendarRequest request, SlaAdministration sla, CancellationToken cancellationToken) =>
        Saved(await sla.SaveCalendarAsync(id, request, cancellationToken), $"/api/sla/calendars/{id}", "The calendar is not valid.");

    public static async Task<Ok<IReadOnlyList<EscalationLadderView>>> ListLaddersAsync(SlaAdministration sla, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sla.LaddersAsync(cancellationToken));

    public static async Task<Results<Created<EscalationLadderView>, Ok<EscalationLadderView>, ValidationProblem, ProblemHttpResult>> PutLadderAsync(
        string id, EscalationLadderRequest request, SlaAdministration sla, CancellationToken cancellationToken) =>
        Saved(await sla.SaveLadderAsync(id, request, cancellationToken), $"/api/sla/ladders/{id}", "The escalation ladder is not valid.");

    public static async Task<Results<Ok<SlaClockView>, ProblemHttpResult>> GetClockAsync(
        string id, SlaAdministration sla, CancellationToken cancellationToken) =>
        await sla.ClockAsync(id, cancellationToken) is { } clock ? TypedResults.Ok(clock) : NotFound("Work order", "work order", id);

    public static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        string id, EscalationRequest request, EscalationService escalation, CancellationToken cancellationToken)
    {
        var result = await escalation.EscalateAsync(id, request, cancellationToken);
        return result.Outcome switch
        {
            EscalationOutcome.Escalated => TypedResults.Ok(result.WorkOrder!),
            EscalationOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The escalation is not valid."),
            EscalationOutcome.Conflict => TypedResults.Problem(
                result.Problem, title: "The work order cannot be escalated.", statusCode: StatusCodes.Status409Conflict),
            _ => NotFound("Work order", "work order", id),
        };
    }

    private static Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult> Saved<T>(SlaSaveResult<T> result, string location, string invalid)
        where T : class
    {
        if (result.Conflict is { } conflict)
        {
            return TypedResults.Problem(conflict, title: "The change conflicts with existing SLA data.", statusCode: StatusCodes.Status409Conflict);
        }

        if (result.Value is not { } value)
        {
            return TypedResults.ValidationProblem(result.Errors, title: invalid);
        }

        return result.Created ? TypedResults.Created(location, value) : TypedResults.Ok(value);
    }

    private static ProblemHttpResult NotFound(string title, string what, string id) => TypedResults.Problem(
        $"No {what} has the id '{id}'.", title: $"{title} not found", statusCode: StatusCodes.Status404NotFound);
}
