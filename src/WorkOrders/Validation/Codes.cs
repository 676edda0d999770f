namespace WorkOrders.Maintenance.Validation;

/// <summary>Asset types and sites are codes (<c>pump</c>, <c>plant-north</c>): trimmed and lower-case, so they match.</summary>
public static class Codes
{
    public static string? Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToLowerInvariant();
}
