using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Customers;

namespace WorkOrders.Api.Customers;

/// <summary>Customers (<c>/api/customers</c>) and their sites (<c>/api/sites</c>); orders at a site take their contact and tier from here.</summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", ListCustomersAsync).WithName("ListCustomers")
            .WithSummary("Customers by id, with tier and contact.");
        customers.MapGet("/{id}", GetCustomerAsync).WithName("GetCustomer").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One customer.");
        customers.MapPost("/", SaveCustomerAsync).WithName("SaveCustomer")
            .WithSummary("Adds a customer, or replaces the one with the same id; tier is a code such as standard or gold.");
        customers.MapDelete("/{id}", DeleteCustomerAsync).WithName("DeleteCustomer")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a customer that has no sites; 409 names the sites otherwise.");

        var sites = app.MapGroup("/api/sites").WithTags("Customers");
        sites.MapGet("/", ListSitesAsync).WithName("ListSites")
            .WithSummary("Sites by id, optionally of one customerId.");
        sites.MapGet("/{id}", GetSiteAsync).WithName("GetSite").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One site.");
        sites.MapPost("/", SaveSiteAsync).WithName("SaveSite")
            .WithSummary("Adds a site (its id is the site code devices and orders carry, e.g. plant-north), or replaces it.");
        sites.MapDelete("/{id}", DeleteSiteAsync).WithName("DeleteSite").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes a site; devices and orders keep its code.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CustomerView>>> ListCustomersAsync(CustomerDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListCustomersAsync(cancellationToken));

    public static async Task<Results<Ok<CustomerView>, ProblemHttpResult>> GetCustomerAsync(
        string id, CustomerDirectory directory, CancellationToken cancellationToken) =>
        await directory.FindCustomerAsync(id, cancellationToken) is { } customer ? TypedResults.Ok(customer) : NotFound("customer", id);

    public static async Task<Results<Created<CustomerView>, Ok<CustomerView>, ValidationProblem, ProblemHttpResult>> SaveCustomerAsync(
        CustomerRequest request, CustomerDirectory directory, CancellationToken cancellationToken) =>
        Saved(await directory.SaveCustomerAsync(request, cancellationToken), c => $"/api/customers/{Uri.EscapeDataString(c.Id)}", "customer");

    public static async Task<Results<Ok<CustomerView>, ProblemHttpResult>> DeleteCustomerAsync(
        string id, CustomerDirectory directory, CancellationToken cancellationToken) =>
        Deleted(await directory.DeleteCustomerAsync(id, cancellationToken), "customer", id);

    public static async Task<Ok<IReadOnlyList<SiteView>>> ListSitesAsync(
        CustomerDirectory directory, string? customerId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListSitesAsync(customerId, cancellationToken));

    public static async Task<Results<Ok<SiteView>, ProblemHttpResult>> GetSiteAsync(
        string id, CustomerDirectory directory, CancellationToken cancellationToken) =>
        await directory.FindSiteAsync(id, cancellationToken) is { } site ? TypedResults.Ok(site) : NotFound("site", id);

    public static async Task<Results<Created<SiteView>, Ok<SiteView>, ValidationProblem, ProblemHttpResult>> SaveSiteAsync(
        SiteRequest request, CustomerDirectory directory, CancellationToken cancellationToken) =>
        Saved(await directory.SaveSiteAsync(request, cancellationToken), s => $"/api/sites/{Uri.EscapeDataString(s.Id)}", "site");

    public static async Task<Results<Ok<SiteView>, ProblemHttpResult>> DeleteSiteAsync(
        string id, CustomerDirectory directory, CancellationToken cancellationToken) =>
        Deleted(await directory.DeleteSiteAsync(id, cancellationToken), "site", id);

    private static Results<Created<T>, Ok<T>, ValidationProblem, ProblemHttpResult> Saved<T>(
        DirectoryResult<T> result, Func<T, string> location, string what)
        where T : class =>
        result.Outcome switch
        {
            DirectoryOutcome.Created => TypedResults.Created(location(result.Value!), result.Value),
            DirectoryOutcome.Updated => TypedResults.Ok(result.Value!),
            DirectoryOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: $"The {what} is not valid."),
            _ => TypedResults.Problem(result.Problem, title: $"The {what} changed concurrently.", statusCode: StatusCodes.Status409Conflict),
        };

    private static Results<Ok<T>, ProblemHttpResult> Deleted<T>(DirectoryResult<T> result, string what, string id)
        where T : class =>
        result.Outcome switch
        {
            DirectoryOutcome.Deleted => TypedResults.Ok(result.Value!),
            DirectoryOutcome.NotFound => NotFound(what, id),
            _ => TypedResults.Problem(result.Problem, title: $"The {what} cannot be deleted.", statusCode: StatusCodes.Status409Conflict),
        };

    private static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        $"No {what} has the id '{id}'.", title: $"{char.ToUpperInvariant(what[0])}{what[1..]} not found", statusCode: StatusCodes.Status404NotFound);
}
