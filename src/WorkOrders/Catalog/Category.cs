namespace WorkOrders.Maintenance.Catalog;

/// <summary>
/// A kind of work order (<c>repair</c>, <c>complaint</c>, …) with its intake template. Data, edited through
/// <c>/api/categories</c>; <see cref="WorkOrders.WorkOrder.Category"/> holds the <see cref="Code"/>.
/// </summary>
public sealed class Category
{
    /// <summary>Lower-case code, e.g. <c>preventive-maintenance</c>; never changes once orders use it.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Inactive categories stay on old orders but new orders may not use them.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The template: what an order of this category must (or may) carry, in display order.</summary>
    public List<TemplateField> Fields { get; set; } = [];
}
