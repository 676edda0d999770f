namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>The <c>EdgeAgent:Mqtt</c> section: the broker, credentials, TLS and delivery pacing.</summary>
public sealed class MqttOptions
{
    /// <summary><c>host:port</c>.</summary>
    public string Server { get; set; } = "localhost:1883";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Defaults to the device id.</summary>
    public string? ClientId { get; set; }

    public bool UseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate; the system store when empty.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>PEM client certificate for mutual TLS (with <see cref="ClientKeyPath"/>).</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientKeyPath { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>How long one publish waits for its PUBACK.</summary>
    public int PublishTimeoutMs { get; set; } = 10_000;

    public int ReconnectMinDelayMs { get; set; } = 1_000;

    public int ReconnectMaxDelayMs { get; set; } = 60_000;

    /// <summary>How fast the backlog left by an outage is drained, beside live data.</summary>
    public int BacklogSamplesPerSecond { get; set; } = 200;

    public int MaxSamplesPerMessage { get; set; } = 100;
}
