using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Customers;

/// <summary>The contact, tier and id checks shared by customers, sites and work orders (same field names everywhere).</summary>
public static class ContactFields
{
    public const int MaxCodeLength = 64;
    public const int MaxTierLength = 32;

    public static (string? Name, string? Phone, string? Email) Validate(
        ValidationErrors errors, string? name, string? phone, string? email)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var contactName = errors.Text("contactName", name, 128, required: false);
        var contactPhone = errors.Text("contactPhone", phone, 32, required: false);
        if (contactPhone is not null && !contactPhone.Any(char.IsAsciiDigit))
        {
            errors.Add("contactPhone", "contactPhone must contain digits, e.g. +46 8 555 0100.");
        }

        var contactEmail = errors.Text("contactEmail", email, 256, required: false);
        if (contactEmail is not null && (contactEmail.IndexOf('@', StringComparison.Ordinal) is <= 0 || contactEmail.EndsWith('@')))
        {
            errors.Add("contactEmail", "contactEmail must look like name@example.com.");
        }

        return (contactName, contactPhone, contactEmail);
    }

    /// <summary>A tier code (<c>standard</c>, <c>gold</c>, …): trimmed, lower-case, at most 32 characters.</summary>
    public static string? Tier(ValidationErrors errors, string field, string? tier)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Codes.Normalize(errors.Text(field, tier, MaxTierLength, required: false));
    }

    /// <summary>A customer or site code: 1 to 64 of a-z, 0-9, '.', '_' or '-' after lower-casing.</summary>
    public static string? Code(ValidationErrors errors, string field, string? code, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var normalized = Codes.Normalize(errors.Text(field, code, MaxCodeLength, required));
        if (normalized is not null && !Devices.DeviceIds.IsValid(normalized))
        {
            errors.Add(field, $"{field} must be 1 to {MaxCodeLength} of a-z, 0-9, '.', '_' or '-'.");
            return null;
        }

        return normalized;
    }
}
