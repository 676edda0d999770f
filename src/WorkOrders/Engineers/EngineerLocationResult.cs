namespace WorkOrders.Maintenance.Engineers;

/// <summary>The engineer after a location report; null with no errors when there is no such engineer.</summary>
public sealed record EngineerLocationResult(EngineerView? Engineer, IDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
