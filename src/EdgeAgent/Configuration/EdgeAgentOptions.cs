namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>The <c>EdgeAgent</c> configuration section; docs/edge-agent.md lists every key.</summary>
public sealed class EdgeAgentOptions
{
    public const string Section = "EdgeAgent";

    public string DeviceId { get; set; } = "";

    /// <summary>How often a sample (one seq) is taken from every enabled sensor.</summary>
    public int SampleIntervalMs { get; set; } = 1000;

    /// <summary>How often the samples taken since the last publish are sent, as one message.</summary>
    public int PublishIntervalMs { get; set; } = 1000;

    public int HeartbeatIntervalMs { get; set; } = 60_000;

    public EdgeTransport Transport { get; set; } = EdgeTransport.Mqtt;

    public MqttOptions Mqtt { get; set; } = new();

    public AzureIotHubOptions AzureIotHub { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public SensorsOptions Sensors { get; set; } = new();

    /// <summary>Per reading name (<c>temperature_c</c>, …): value × Scale + Offset before it is stored.</summary>
    public Dictionary<string, CalibrationOptions> Calibration { get; set; } = new(StringComparer.Ordinal);
}

public enum EdgeTransport
{
    Mqtt,
    AzureIotHub,
}

public sealed class CalibrationOptions
{
    public double Scale { get; set; } = 1;

    public double Offset { get; set; }
}
