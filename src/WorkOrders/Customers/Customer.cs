namespace WorkOrders.Maintenance.Customers;

/// <summary>A customer: who the work is for, their service tier and whom to call.</summary>
public sealed class Customer
{
    /// <summary>A code like <c>acme</c> (trimmed, lower-case).</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>A code such as <c>standard</c> or <c>gold</c>; copied onto the customer's orders.</summary>
    public string? Tier { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
