using System.Globalization;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>The <c>e2e</c> verb's arguments (see <see cref="Usage"/>).</summary>
internal sealed record E2eOptions
{
    public const string Usage = """
        e2e --devices N --seconds S [options]
          --devices N                   simulated devices (required)
          --seconds S                   seconds each load phase publishes (required; 60+ so that the measured second
                                        half holds a steady share of the grains' staggered state writes)
          --broker host:port            an external broker (mosquitto, with set_tcp_nodelay true as in
                                        deploy/compose/mosquitto.conf) instead of the embedded MQTTnet broker
          --postgres CONN               PostgreSQL for work orders, registry and grain state instead of SQLite
          --influx URL --influx-db DB   InfluxDB (database must exist) instead of the embedded SQLite time series
          --devices-per-connection K    devices sharing one MQTT connection (default: at most 1,000 connections)
          --latency-rate R              msgs/s offered in the latency phase (default: min(50% broker, 80% e2e))
          --window W                    messages published but not yet consumed, at most (default 4,000: ingest's receive maximum)
          --drain-timeout S             seconds to wait for the platform to catch up after a phase (default 600)
          --set KEY=VALUE               any platform configuration key, e.g. --set Ingest:Mqtt:BatchSize=2000
          --memory-rounds R             rounds of the memory phase, the first a warm-up (default 5; at least 2)
          --memory-idle S               seconds the memory phase idles after its warm-up round (default 65); fewer
                                        rounds and no idle (e.g. 2 and 0) are for the harness's own tests: the
                                        grain_bytes_per_device figure is then rough
        """;

    public required int Devices { get; init; }

    public required TimeSpan Duration { get; init; }

    public string? Broker { get; init; }

    public string? Postgres { get; init; }

    public Uri? Influx { get; init; }

    public string? InfluxDatabase { get; init; }

    public int? DevicesPerConnection { get; init; }

    public double? LatencyRate { get; init; }

    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The load's end-to-end window (<see cref="LoadGate"/>). Default: ingest's receive maximum, i.e. at most one receive
    /// window outstanding, so the broker never has to queue for either consumer beyond what it may have in flight.
    /// </summary>
    public int Window { get; init; } = IngestReceiveMaximum;

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Rounds of the memory phase (<see cref="SiloMemory"/>), the first of them a warm-up that is not counted.</summary>
    public int MemoryRounds { get; init; } = DefaultMemoryRounds;

    /// <summary>How long the memory phase idles after its warm-up round, so that the array pools let go of its buffers.</summary>
    public TimeSpan MemoryIdle { get; init; } = DefaultMemoryIdle;

    private const int DefaultMemoryRounds = 5;

    private static readonly TimeSpan DefaultMemoryIdle = TimeSpan.FromSeconds(65);

    private static int IngestReceiveMaximum => new WorkOrders.Ingest.Mqtt.MqttIngestOptions().ReceiveMaximum;

    public int PerConnection => DevicesPerConnection ?? Math.Max(1, (Devices + 999) / 1_000);

    public (string Host, int Port)? ExternalBroker =>
        Broker is { } b ? (b[..b.LastIndexOf(':')], int.Parse(b[(b.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)) : null;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message that names the bad one.</summary>
    public static E2eOptions Parse(IReadOnlyList<string> args)
    {
        int? devices = null;
        double? seconds = null;
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? broker = null, postgres = null, influxDb = null;
        Uri? influx = null;
        int? perConnection = null;
        double? latencyRate = null;
        var drain = TimeSpan.FromMinutes(10);
        int? window = null;
        var memoryRounds = DefaultMemoryRounds;
        var memoryIdle = DefaultMemoryIdle;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--devices": devices = PositiveInt(name, Value()); break;
                case "--seconds": seconds = Positive(name, Value()); break;
                case "--broker": broker = HostPort(Value()); break;
                case "--postgres": postgres = Value(); break;
                case "--influx": influx = Url(Value()); break;
                case "--influx-db": influxDb = Value(); break;
                case "--devices-per-connection": perConnection = PositiveInt(name, Value()); break;
                case "--latency-rate": latencyRate = Positive(name, Value()); break;
                case "--drain-timeout": drain = TimeSpan.FromSeconds(Positive(name, Value())); break;
                case "--window": window = PositiveInt(name, Value()); break;
                case "--memory-rounds": memoryRounds = AtLeastTwo(name, Value()); break;
                case "--memory-idle": memoryIdle = TimeSpan.FromSeconds(NonNegative(name, Value())); break;
                case "--set":
                    var pair = Value();
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new ArgumentException($"--set takes KEY=VALUE, not '{pair}'.");
                    }

                    settings[pair[..eq]] = pair[(eq + 1)..];
                    break;
                default: throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        if (devices is null || seconds is null)
        {
            throw new ArgumentException("--devices and --seconds are required.");
        }

        if ((influx is null) != (influxDb is null))
        {
            throw new ArgumentException("--influx and --influx-db go together.");
        }

        return new E2eOptions
        {
            Devices = devices.Value,
            Duration = TimeSpan.FromSeconds(seconds.Value),
            Broker = broker,
            Postgres = postgres,
            Influx = influx,
            InfluxDatabase = influxDb,
            DevicesPerConnection = perConnection,
            LatencyRate = latencyRate,
            DrainTimeout = drain,
            Window = window ?? IngestReceiveMaximum,
            Settings = settings,
            MemoryRounds = memoryRounds,
            MemoryIdle = memoryIdle,
        };
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");

    private static double Positive(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0
            ? x
            : throw new ArgumentException($"{name} must be a positive number, not '{value}'.");

    private static int AtLeastTwo(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 2
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least 2 (a warm-up and a counted round), not '{value}'.");

    private static double NonNegative(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0
            ? x
            : throw new ArgumentException($"{name} must be a number of seconds, zero or more, not '{value}'.");

    private static string HostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65_536
            ? value
            : throw new ArgumentException($"--broker must be host:port, not '{value}'.");
    }

    private static Uri Url(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--influx must be an absolute http(s) URL, not '{value}'.");
}
