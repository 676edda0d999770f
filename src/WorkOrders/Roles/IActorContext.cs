namespace WorkOrders.Maintenance.Roles;

/// <summary>
/// The authenticated actor of the current request, when the host knows one (e.g. from claims). Until
/// authentication exists, <see cref="RequestBodyActorContext"/> returns null and the request body's
/// <c>actor</c> and <c>role</c> are used instead.
/// </summary>
public interface IActorContext
{
    /// <summary>The actor the host vouches for, or null to take the actor named in the request.</summary>
    Actor? Current { get; }
}
