namespace WorkOrders.Maintenance.Customers;

/// <summary>A customer as the API shows it and accepts it (<c>POST /api/customers</c> adds or replaces by id).</summary>
public sealed record CustomerView(
    string Id, string Name, string? Tier, string? ContactName, string? ContactPhone, string? ContactEmail)
{
    internal static CustomerView From(Customer c) => new(c.Id, c.Name, c.Tier, c.ContactName, c.ContactPhone, c.ContactEmail);
}

/// <summary>A site as the API shows it and accepts it (<c>POST /api/sites</c> adds or replaces by id).</summary>
public sealed record SiteView(
    string Id, string Name, string? Address, string? CustomerId, double? Latitude, double? Longitude,
    string? ContactName, string? ContactPhone, string? ContactEmail)
{
    internal static SiteView From(Site s) =>
        new(s.Id, s.Name, s.Address, s.CustomerId, s.Latitude, s.Longitude, s.ContactName, s.ContactPhone, s.ContactEmail);
}

public sealed record CustomerRequest(
    string? Id, string? Name, string? Tier = null, string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null);

public sealed record SiteRequest(
    string? Id, string? Name, string? Address = null, string? CustomerId = null, double? Latitude = null, double? Longitude = null,
    string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null);

public enum DirectoryOutcome
{
    Created,
    Updated,
    Deleted,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>The outcome of a change: the record (<typeparamref name="T"/>), messages per field, or a conflict's reason.</summary>
public sealed record DirectoryResult<T>(DirectoryOutcome Outcome, T? Value, string? Problem, IDictionary<string, string[]> Errors)
    where T : class
{
    internal static DirectoryResult<T> Of(DirectoryOutcome outcome, T? value = null, string? problem = null) =>
        new(outcome, value, problem, new Dictionary<string, string[]>());

    internal static DirectoryResult<T> Invalid(IDictionary<string, string[]> errors) => new(DirectoryOutcome.Invalid, null, null, errors);
}
