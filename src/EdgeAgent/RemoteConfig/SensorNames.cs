namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>The sensor groups as remote configuration and heartbeats name them.</summary>
public static class SensorNames
{
    public const string Environment = "environment";
    public const string Vibration = "vibration";
    public const string Analog = "analog";
    public const string Digital = "digital";
}
