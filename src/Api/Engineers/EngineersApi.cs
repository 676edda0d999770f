using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Engineers;

namespace WorkOrders.Api.Engineers;

/// <summary>The engineer endpoints under <c>/api/engineers</c>.</summary>
public static class EngineersApi
{
    public static RouteGroupBuilder MapEngineersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/engineers").WithTags("Engineers");
        api.MapGet("/", ListAsync).WithName("ListEngineers")
            .WithSummary("Engineers with their skills and open orders, filtered by site, assetType (qualified for) or active.");
        api.MapGet("/{id}", GetAsync).WithName("GetEngineer").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One engineer with skills and the number of orders they hold.");
        api.MapPost("/", RegisterAsync).WithName("RegisterEngineer")
            .WithSummary("Adds an engineer, or replaces one with the same id (skills, certifications with expiry, time zone and weekly "
                + "working hours included); skill levels are 1 to 5; no working hours means always available.");
        api.MapPost("/{id}/location", ReportLocationAsync).WithName("ReportEngineerLocation").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The engineer's phone reports where they are (latitude, longitude, at); dispatch measures travel from it while fresh.");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<EngineerView>>> ListAsync(
        EngineerDirectory engineers, string? site, string? assetType, bool? active, CancellationToken cancellationToken) =>
        TypedResults.Ok(await engineers.ListAsync(site, assetType, active ?? false, cancellationToken));

    public static async Task<Results<Ok<EngineerView>, ProblemHttpResult>> GetAsync(
        string id, EngineerDirectory engineers, CancellationToken cancellationToken) =>
        await engineers.FindAsync(id, cancellationToken) is { } engineer
            ? TypedResults.Ok(engineer)
            : TypedResults.Problem($"No engineer has the id '{id}'.", title: "Engineer not found", statusCode: StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<EngineerView>, ValidationProblem, ProblemHttpResult>> ReportLocationAsync(
        string id, EngineerLocationReport report, EngineerDirectory engineers, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await engineers.ReportLocationAsync(id, report, clock.GetUtcNow(), cancellationToken);
        if (!result.IsValid)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The location report is not valid.");
        }

        return result.Engineer is { } engineer
            ? TypedResults.Ok(engineer)
            : TypedResults.Problem($"No engineer has the id '{id}'.", title: "Engineer not found", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Created<EngineerView>, Ok<EngineerView>, ValidationProblem>> RegisterAsync(
        EngineerRegistration registration, EngineerDirectory engineers, CancellationToken cancellationToken)
    {
        var result = await engineers.RegisterAsync(registration, cancellationToken);
        if (result.Engineer is not { } engineer)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The engineer is not valid.");
        }

        return result.Created
            ? TypedResults.Created($"/api/engineers/{Uri.EscapeDataString(engineer.Id)}", engineer)
            : TypedResults.Ok(engineer);
    }
}
