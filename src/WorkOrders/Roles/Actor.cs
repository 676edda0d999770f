namespace WorkOrders.Maintenance.Roles;

/// <summary>The person or system making a change, and the role they act in.</summary>
public sealed record Actor(string Id, ActorRole Role)
{
    public const int MaxIdLength = 128;
}
