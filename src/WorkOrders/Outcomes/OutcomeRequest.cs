namespace WorkOrders.Maintenance.Outcomes;

/// <summary>
/// <c>PUT /api/workorders/{id}/outcome</c>: <see cref="Finding"/> is <c>confirmed</c> (with the
/// <see cref="FailureMode"/> found) or <c>no-fault-found</c>. A second PUT replaces the first.
/// </summary>
public sealed record OutcomeRequest(string? Finding, string? FailureMode = null, string? Note = null, string? Actor = null);
