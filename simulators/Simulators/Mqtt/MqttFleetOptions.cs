namespace WorkOrders.Simulators;

/// <summary>
/// Where and how a simulated fleet connects. By default each device has its own MQTT connection, exactly like an
/// edge agent (client id = <see cref="ClientIdPrefix"/> + device id, retained <c>online</c> birth, <c>offline</c>
/// last-will). For very large fleets <see cref="DevicesPerConnection"/> &gt; 1 shares one connection between
/// several devices; a connection can carry only one will, so only its first device is marked offline by the broker
/// when that connection drops (see docs/simulators.md).
/// </summary>
public sealed record MqttFleetOptions(string Host, int Port)
{
    public int DevicesPerConnection { get; init; } = 1;

    /// <summary>
    /// True: stamp samples with the publisher's clock (run start + step × interval ÷ speed-up) instead of simulated
    /// time, so an accelerated run never publishes timestamps ahead of the server's clock; the physics keep the
    /// simulated pace and the fleet simply looks <c>speedUp</c> times faster. False: simulated time.
    /// Null (default): as the scenario's <c>timestamps</c> field says.
    /// </summary>
    public bool? WallClockTimestamps { get; init; }

    public string ClientIdPrefix { get; init; } = "";

    /// <summary>Per-device username and password; when null, the scenario's <c>credentials</c> templates apply (if any).</summary>
    public Func<string, DeviceCredentials?>? CredentialsFor { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections opened at once when the run starts.</summary>
    public int ConnectConcurrency { get; init; } = 64;

    /// <summary>Messages a connection holds while it cannot reach the broker; older ones are dropped beyond this.</summary>
    public int MaxOutboxMessages { get; init; } = 10_000;

    /// <summary>First wait before reconnecting after an unplanned loss (doubles up to <see cref="MaxReconnectDelay"/>).</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the graceful shutdown (retained <c>offline</c>, clean DISCONNECT) may take.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>MQTT username and password of one device.</summary>
public sealed record DeviceCredentials(string Username, string Password);
