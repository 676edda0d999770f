using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Api.Broker;

/// <summary>Bound from <c>Broker</c>: the in-process MQTT broker of a single-node install.</summary>
public sealed class EmbeddedBrokerOptions
{
    public const string Section = "Broker";

    /// <summary>Start an in-process broker (the demo does); otherwise devices and ingest use an external one.</summary>
    public bool Embedded { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 1883;

    /// <summary>Listen on every interface, not just loopback (for real devices on the network).</summary>
    public bool ListenOnAllInterfaces { get; set; }

    /// <summary>
    /// Messages queued per client before the broker drops the oldest. MQTTnet's default (1,000) silently
    /// loses telemetry when a subscriber falls behind; every drop here is logged and counted.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 1_000_000;
}
