namespace WorkOrders.Maintenance.Roles;

/// <summary>No authentication: every request names its own actor and role in the body.</summary>
public sealed class RequestBodyActorContext : IActorContext
{
    public Actor? Current => null;
}
