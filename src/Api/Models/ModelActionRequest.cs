namespace WorkOrders.Api.Models;

/// <summary>Optional body of activate and rollback: who did it (recorded as the version's activator).</summary>
public sealed record ModelActionRequest(string? Actor);
