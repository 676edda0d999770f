namespace WorkOrders.Maintenance.Catalog;

/// <summary>
/// The six categories every store starts with, and their templates. Required fields are what dispatch needs
/// (a site, and an asset for jobs on a machine); the rest is offered as optional. Edit them through the API.
/// </summary>
public static class DefaultCatalog
{
    public static IReadOnlyList<Category> Categories { get; } =
    [
        Make(CategoryCodes.Repair, "Repair", "Something is broken or failing and needs fixing.",
            Asset(true), Site(), F("symptoms", "Fault symptoms", TemplateFieldType.Text, false), Customer(), Contact(), Urgency()),
        Make(CategoryCodes.Installation, "Installation", "New equipment to install and commission.",
            Asset(true), Site(), Customer(), Contact(), F("requestedDate", "Requested date", TemplateFieldType.Date, false)),
        Make(CategoryCodes.Inspection, "Inspection", "A planned or requested check of an asset.",
            Asset(true), Site(), Customer(), Contact(), F("checklist", "Checklist", TemplateFieldType.Text, false)),
        Make(CategoryCodes.PreventiveMaintenance, "Preventive maintenance", "Service before a failure, predicted or scheduled.",
            Asset(true), Site(), Customer(), Urgency()),
        Make(CategoryCodes.Complaint, "Complaint", "A customer is unhappy with equipment or service.",
            Site(), Customer(), Contact(), F("tier", "Customer tier", TemplateFieldType.Tier, false), Asset(false), Urgency()),
        Make(CategoryCodes.Consultation, "Consultation", "Advice, a quote or a site survey.",
            Site(), Customer(), Contact(), F("topic", "Topic", TemplateFieldType.Text, false)),
    ];

    private static Category Make(string code, string name, string description, params (string Name, string Label, TemplateFieldType Type, bool Required)[] fields) =>
        new()
        {
            Code = code,
            Name = name,
            Description = description,
            Active = true,
            Fields = [.. fields.Select((f, i) => new TemplateField
            {
                CategoryCode = code, Name = f.Name, Label = f.Label, Type = f.Type, Required = f.Required, Position = i,
            })],
        };

    private static (string, string, TemplateFieldType, bool) F(string name, string label, TemplateFieldType type, bool required) =>
        (name, label, type, required);

    private static (string, string, TemplateFieldType, bool) Asset(bool required) => ("asset", "Asset", TemplateFieldType.Asset, required);

    private static (string, string, TemplateFieldType, bool) Site() => ("site", "Site", TemplateFieldType.Site, true);

    private static (string, string, TemplateFieldType, bool) Customer() => ("customer", "Customer", TemplateFieldType.Customer, false);

    private static (string, string, TemplateFieldType, bool) Contact() => ("contact", "Contact", TemplateFieldType.Contact, false);

    private static (string, string, TemplateFieldType, bool) Urgency() => ("urgency", "Urgency", TemplateFieldType.Urgency, false);
}
