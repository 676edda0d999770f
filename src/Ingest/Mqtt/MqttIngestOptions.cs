using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Ingest.Mqtt;

/// <summary>Bound from <c>Ingest:Mqtt</c>.</summary>
public sealed class MqttIngestOptions
{
    public const string Section = "Ingest:Mqtt";

    /// <summary>The broker, as <c>host:port</c>.</summary>
    [Required]
    [RegularExpression(@"^[^:\s]+:\d{1,5}$", ErrorMessage = "Ingest:Mqtt:Server must be host:port, e.g. localhost:1883.")]
    public string Server { get; set; } = "localhost:1883";

    /// <summary>Stable per instance: the broker keeps this client's session (and its unacknowledged messages) across restarts.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ClientId { get; set; } = "pdm-ingest-1";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>When set, subscribes through <c>$share/{SharedGroup}/…</c> so several instances split the load.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string? SharedGroup { get; set; }

    /// <summary>At most this many messages are processed (and acknowledged) together.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a batch waits to fill before it is processed anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Unacknowledged messages the broker may send ahead (MQTT v5 receive maximum).</summary>
    [Range(1, 65_535)]
    public int ReceiveMaximum { get; set; } = 4_000;

    /// <summary>
    /// Batches processed at once, each from its own lane of devices (a device always uses the same lane, so its
    /// messages stay in order). 1 restores a single serial loop.
    /// </summary>
    [Range(1, 64)]
    public int Lanes { get; set; } = 4;

    /// <summary>
    /// Batches a lane may have taken and not yet acknowledged: it hands each to the grains in turn and takes the next
    /// while earlier ones are still being stored, so a slow store write holds back acknowledgements, not scoring.
    /// 1 makes each batch wait for its store write (and its acknowledgement) before the next is taken.
    /// </summary>
    [Range(1, 1_024)]
    public int BatchesInFlight { get; set; } = 32;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    public (string Host, int Port) Endpoint()
    {
        var separator = Server.LastIndexOf(':');
        return (Server[..separator], int.Parse(Server[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
