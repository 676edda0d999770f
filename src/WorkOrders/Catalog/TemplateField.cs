namespace WorkOrders.Maintenance.Catalog;

/// <summary>One field of a category's intake template.</summary>
public sealed class TemplateField
{
    public required string CategoryCode { get; set; }

    /// <summary>
    /// camelCase; for <see cref="TemplateFieldType.Text"/>, <see cref="TemplateFieldType.Number"/> and
    /// <see cref="TemplateFieldType.Date"/> it is the key in the order's <c>fields</c>.
    /// </summary>
    public required string Name { get; set; }

    public required string Label { get; set; }

    public TemplateFieldType Type { get; set; }

    public bool Required { get; set; }

    /// <summary>Display order, from 0.</summary>
    public int Position { get; set; }
}
