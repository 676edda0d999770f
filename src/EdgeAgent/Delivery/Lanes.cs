namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>The two ways a sample leaves the outbox; sent as the MQTT 5 user property <c>lane</c>.</summary>
public static class Lanes
{
    /// <summary>Taken while connected; published every publish interval.</summary>
    public const string Live = "live";

    /// <summary>Left over from an outage or a restart; drained oldest first at a bounded rate.</summary>
    public const string Backlog = "backlog";
}
