using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WorkOrders.Maintenance.Catalog;

namespace WorkOrders.Api.Catalog;

/// <summary>Work-order categories and their intake templates under <c>/api/categories</c>; <c>{code}</c> like <c>repair</c>.</summary>
public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/categories").WithTags("Categories");
        api.MapGet("/", ListAsync).WithName("ListCategories")
            .WithSummary("Work-order categories with their templates (required and optional fields), by code; active=true for those new orders may use.");
        api.MapGet("/{code}", GetAsync).WithName("GetCategory").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One category and its template.");
        api.MapPost("/", CreateAsync).WithName("CreateCategory").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adds a category with its template; 409 when the code exists.");
        api.MapPut("/{code}", UpdateAsync).WithName("UpdateCategory")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Changes a category's name, description or active flag; fields, when given, replace its template.");
        api.MapDelete("/{code}", DeleteAsync).WithName("DeleteCategory")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a category no work order uses; 409 otherwise (deactivate it instead).");
        api.MapGet("/{code}/template", GetTemplateAsync).WithName("GetCategoryTemplate").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The category's template: its fields in order, each with type and whether it is required.");
        api.MapPut("/{code}/template", ReplaceTemplateAsync).WithName("ReplaceCategoryTemplate")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Replaces the category's template with the fields given (types: Text, Number, Date, Asset, Customer, Site, Contact, Tier, Urgency).");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<CategoryView>>> ListAsync(
        CategoryCatalog catalog, bool? active, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(active ?? false, cancellationToken));

    public static async Task<Results<Ok<CategoryView>, ProblemHttpResult>> GetAsync(
        string code, CategoryCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindAsync(code, cancellationToken) is { } category ? TypedResults.Ok(category) : NotFound(code);

    public static async Task<Results<Created<CategoryView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CategoryRequest request, CategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var result = await catalog.CreateAsync(request, cancellationToken);
        return result.Outcome switch
        {
            CatalogOutcome.Done => TypedResults.Created($"/api/categories/{result.Category!.Code}", result.Category),
            CatalogOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The category is not valid."),
            _ => Conflict(result.Problem),
        };
    }

    public static async Task<Results<Ok<CategoryView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string code, CategoryRequest request, CategoryCatalog catalog, CancellationToken cancellationToken) =>
        Answer(code, await catalog.UpdateAsync(code, request, cancellationToken));

    public static async Task<Results<Ok<CategoryView>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string code, CategoryCatalog catalog, CancellationToken cancellationToken) =>
        Answer(code, await catalog.DeleteAsync(code, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<TemplateFieldView>>, ProblemHttpResult>> GetTemplateAsync(
        string code, CategoryCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindAsync(code, cancellationToken) is { } category ? TypedResults.Ok(category.Fields) : NotFound(code);

    public static async Task<Results<Ok<IReadOnlyList<TemplateFieldView>>, ValidationProblem, ProblemHttpResult>> ReplaceTemplateAsync(
        string code, IReadOnlyList<TemplateFieldRequest> fields, CategoryCatalog catalog, CancellationToken cancellationToken)
    {
        var result = await catalog.UpdateAsync(code, new CategoryRequest(null, null, Fields: fields), cancellationToken);
        return result.Outcome switch
        {
            CatalogOutcome.Done => TypedResults.Ok(result.Category!.Fields),
            CatalogOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The template is not valid."),
            CatalogOutcome.NotFound => NotFound(code),
            _ => Conflict(result.Problem),
        };
    }

    private static Results<Ok<CategoryView>, ValidationProblem, ProblemHttpResult> Answer(string code, CatalogResult result) =>
        result.Outcome switch
        {
            CatalogOutcome.Done => TypedResults.Ok(result.Category!),
            CatalogOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The category is not valid."),
            CatalogOutcome.NotFound => NotFound(code),
            _ => Conflict(result.Problem),
        };

    private static ProblemHttpResult NotFound(string code) => TypedResults.Problem(
        $"No category has the code '{code}'.", title: "Category not found", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Conflict(string? reason) => TypedResults.Problem(
        reason, title: "The category cannot be changed that way.", statusCode: StatusCodes.Status409Conflict);
}
