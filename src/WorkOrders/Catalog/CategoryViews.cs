namespace WorkOrders.Maintenance.Catalog;

/// <summary>A template field as the API shows and accepts it; <see cref="Type"/> is a <see cref="TemplateFieldType"/> name.</summary>
public sealed record TemplateFieldView(string Name, string Label, string Type, bool Required);

/// <summary>A category with its template, in display order.</summary>
public sealed record CategoryView(string Code, string Name, string? Description, bool Active, IReadOnlyList<TemplateFieldView> Fields)
{
    internal static CategoryView From(Category category) => new(
        category.Code, category.Name, category.Description, category.Active,
        [.. category.Fields.OrderBy(f => f.Position).Select(f => new TemplateFieldView(f.Name, f.Label, f.Type.ToString(), f.Required))]);
}

/// <summary>
/// Creates a category (<c>POST /api/categories</c>, <see cref="Code"/> required) or changes one
/// (<c>PUT /api/categories/{code}</c>). <see cref="Fields"/>, when given, replaces the template.
/// </summary>
public sealed record CategoryRequest(
    string? Code,
    string? Name,
    string? Description = null,
    bool? Active = null,
    IReadOnlyList<TemplateFieldRequest>? Fields = null);

/// <summary>One field of a template as sent; <see cref="Type"/> is a <see cref="TemplateFieldType"/> name (any case).</summary>
public sealed record TemplateFieldRequest(string? Name, string? Type, bool Required = false, string? Label = null);

public enum CatalogOutcome
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>The category after a change, messages per field, or the reason it cannot be changed.</summary>
public sealed record CatalogResult(CatalogOutcome Outcome, CategoryView? Category, string? Problem, IDictionary<string, string[]> Errors)
{
    internal static CatalogResult Done(Category category) => new(CatalogOutcome.Done, CategoryView.From(category), null, new Dictionary<string, string[]>());

    internal static CatalogResult Invalid(IDictionary<string, string[]> errors) => new(CatalogOutcome.Invalid, null, null, errors);

    internal static CatalogResult NotFound() => new(CatalogOutcome.NotFound, null, null, new Dictionary<string, string[]>());

    internal static CatalogResult Conflict(string reason) => new(CatalogOutcome.Conflict, null, reason, new Dictionary<string, string[]>());
}
