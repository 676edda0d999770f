namespace WorkOrders.Maintenance.Customers;

/// <summary>
/// A place where assets stand. <see cref="Id"/> is the site code devices and orders carry (<c>plant-north</c>);
/// its contact, when set, is asked for before the customer's.
/// </summary>
public sealed class Site
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Address { get; set; }

    public string? CustomerId { get; set; }

    /// <summary>The dispatch region engineers must cover to take orders here (<c>stockholm</c>), if any.</summary>
    public string? Region { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
