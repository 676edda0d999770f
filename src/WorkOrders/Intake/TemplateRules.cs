using System.Globalization;
using WorkOrders.Maintenance.Catalog;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Intake;

/// <summary>
/// Checks an order against its category's template: one message per missing required field, keyed by the request
/// field a person has to fill (<c>assetType</c>, <c>customerId</c>, <c>contactName</c>, <c>fields.symptoms</c>, …),
/// and the free values in <c>fields</c> against their declared type.
/// </summary>
public static class TemplateRules
{
    public const int MaxFreeValueLength = 2000;

    /// <summary>The values the order will carry after device and site look-ups, to check required fields against.</summary>
    public sealed record Resolved(
        string? AssetType, string? Site, IntakeParty Party, bool PriorityGiven, IReadOnlyDictionary<string, string> Fields, bool DeviceRejected);

    /// <summary>The category's free values, with the template's spelling of each name; a message per bad entry.</summary>
    public static Dictionary<string, string> FreeValues(Category category, IReadOnlyDictionary<string, string?>? given, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(errors);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw) in given ?? new Dictionary<string, string?>())
        {
            var key = $"fields.{name}";
            var field = category.Fields.Find(f => !CategoryCatalog.IsTyped(f.Type) && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                var free = category.Fields.Where(f => !CategoryCatalog.IsTyped(f.Type)).OrderBy(f => f.Position).Select(f => f.Name).ToList();
                errors.Add(key, free.Count == 0
                    ? $"{key} is not a field of the {category.Name} template, which has no free fields."
                    : $"{key} is not a field of the {category.Name} template; its fields are {string.Join(", ", free)}.");
                continue;
            }

            var value = errors.Text(key, raw, MaxFreeValueLength, required: false);
            if (value is null)
            {
                continue;
            }

            if (field.Type == TemplateFieldType.Number && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                errors.Add(key, $"{key} must be a number like 12.5; '{value}' is not.");
                continue;
            }

            if (field.Type == TemplateFieldType.Date && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add(key, $"{key} must be a date like 2026-03-14; '{value}' is not.");
                continue;
            }

            values[field.Name] = value;
        }

        return values;
    }

    /// <summary>Adds one message per required template field the order lacks.</summary>
    public static void CheckRequired(Category category, Resolved order, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(errors);
        var kind = $"{category.Name} orders";
        foreach (var field in category.Fields.Where(f => f.Required).OrderBy(f => f.Position))
        {
            switch (field.Type)
            {
                case TemplateFieldType.Asset when order.AssetType is null && !order.DeviceRejected:
                    Add(errors, "assetType", $"assetType is required for {kind} (or give the deviceId of a registered device).");
                    break;
                case TemplateFieldType.Site when order.Site is null && !order.DeviceRejected:
                    Add(errors, "site", "site is required (or give the deviceId of a registered device).");
                    break;
                case TemplateFieldType.Customer when order.Party.CustomerId is null:
                    Add(errors, "customerId", $"customerId is required for {kind} (or give a site that belongs to a customer).");
                    break;
                case TemplateFieldType.Tier when order.Party.CustomerTier is null:
                    Add(errors, "customerTier", $"customerTier is required for {kind} (or give a customer whose tier is known).");
                    break;
                case TemplateFieldType.Contact:
                    if (order.Party.ContactName is null)
                    {
                        Add(errors, "contactName", $"contactName is required for {kind} (or give a site or customer with a contact).");
                    }

                    if (order.Party.ContactPhone is null && order.Party.ContactEmail is null)
                    {
                        Add(errors, "contactPhone", $"contactPhone or contactEmail is required for {kind}.");
                    }

                    break;
                case TemplateFieldType.Urgency when !order.PriorityGiven:
                    Add(errors, "priority", $"priority is required for {kind}: one of {string.Join(", ", Enum.GetNames<WorkOrderPriority>())}.");
                    break;
                case TemplateFieldType.Text or TemplateFieldType.Number or TemplateFieldType.Date when !order.Fields.ContainsKey(field.Name):
                    Add(errors, $"fields.{field.Name}", $"fields.{field.Name} ({field.Label}) is required for {kind}.");
                    break;
            }
        }
    }

    private static void Add(ValidationErrors errors, string field, string message)
    {
        if (!errors.Contains(field))
        {
            errors.Add(field, message);
        }
    }
}
