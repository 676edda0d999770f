using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkOrders.Contracts.Devices;
using WorkOrders.Ingest;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Ingest.Mqtt;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>
/// Ingest alone in a generic host, as <c>AddTelemetryIngest</c> registers it, against a real broker: the embedded
/// SQLite telemetry store on a file of the test (or a fake store, when given), and fakes for the registry, the dead
/// letters and the grain hand-off (registered first, so they win over the defaults' TryAdd).
/// </summary>
public sealed class IngestHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IHost _host;

    private IngestHost(IHost host) => _host = host;

    public MqttIngestWorker Worker => _host.Services.GetRequiredService<MqttIngestWorker>();

    /// <summary>Starts ingest and returns once it holds its subscription on the broker.</summary>
    public static async Task<IngestHost> StartAsync(
        MosquittoServer broker,
        IngestHostSettings settings,
        IDeviceHandoff handoff,
        IDeviceDirectory directory,
        IDeadLetterStore deadLetters,
        ITelemetryStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingest:Mqtt:Server"] = $"{broker.Host}:{broker.Port}",
            ["Ingest:Mqtt:ClientId"] = settings.ClientId,
            ["Ingest:Mqtt:SharedGroup"] = settings.SharedGroup,
            ["Ingest:Mqtt:BatchWindow"] = "00:00:00.010",
            ["Ingest:Mqtt:RetryBaseDelay"] = "00:00:00.020",
            ["Ingest:Mqtt:RetryMaxDelay"] = "00:00:00.200",
            ["TimeSeries:Provider"] = "Embedded",
            ["TimeSeries:Embedded:Path"] = settings.TelemetryPath,
        });
        builder.Services.AddSingleton(handoff);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton(deadLetters);
        if (store is not null)
        {
            builder.Services.AddSingleton(store);
        }
        builder.Services.AddTelemetryIngest(builder.Configuration);

        var ingest = new IngestHost(builder.Build());
        await ingest._host.StartAsync();
        await Eventually.AssertAsync(
            () => Task.FromResult(ingest.Worker.IsConnected), Patience, $"ingest '{settings.ClientId}' to subscribe on the broker");
        return ingest;
    }

    /// <summary>Stops ingest gracefully (what SIGTERM does), then disposes it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}

/// <summary>What differs between ingest instances: MQTT client id (its persistent session), shared group, store file.</summary>
public sealed record IngestHostSettings(string ClientId, string TelemetryPath, string? SharedGroup = null);
