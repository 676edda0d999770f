namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>The <c>EdgeAgent:AzureIotHub</c> section, used when <c>EdgeAgent:Transport</c> is <c>AzureIotHub</c>.</summary>
public sealed class AzureIotHubOptions
{
    /// <summary>The hub's host name, <c>{hub}.azure-devices.net</c>; it is also the SAS token's audience.</summary>
    public string HostName { get; set; } = "";

    /// <summary>The device's symmetric key (base64), from which SAS tokens are signed.</summary>
    public string DeviceKey { get; set; } = "";

    public int SasTokenLifetimeMinutes { get; set; } = 60;

    /// <summary><c>host:port</c> to connect to instead of <c>{HostName}:8883</c> (a gateway, or a test broker).</summary>
    public string? Server { get; set; }

    public bool UseTls { get; set; } = true;
}
