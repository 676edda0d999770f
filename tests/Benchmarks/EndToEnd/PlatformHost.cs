using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using WorkOrders.Api.Hosting;
using Orleans.Storage;
using WorkOrders.Contracts.Devices;
using WorkOrders.Grains;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The whole platform (silo, ingest, API) in this process, composed by the Api's own Program (AddPlatform /
/// MapPlatform) with its defaults: embedded broker, SQLite and the embedded time-series store on temporary files,
/// unless the options point at external servers. The only additions are the <see cref="StageClock"/>'s timing
/// wrappers around the store, the registry, the grain hand-off and the grains' state storage; platform logs go to stderr.
/// </summary>
internal sealed class PlatformHost(E2eOptions options, PlatformEndpoints endpoints, StageClock clock, StorageTimes storage) : WebApplicationFactory<PlatformOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseContentRoot(ApiContentRoot());
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services
            .Decorate<ITelemetryStore>((store, _) => new TimedTelemetryStore(store, clock))
            .Decorate<IDeviceHandoff>((handoff, _) => new TimedHandoff(handoff, clock))
            .Decorate<IDeviceDirectory>((directory, _) => new TimedDeviceDirectory(directory, clock))
            .DecorateKeyed<IGrainStorage>(GrainStorage.Devices, (grainStorage, _) => new TimedGrainStorage(grainStorage, storage)));
    }

    private IEnumerable<(string Key, string Value)> Settings()
    {
        yield return ("Logging:LogLevel:Default", "Warning");
        yield return ("Logging:Console:LogToStandardErrorThreshold", "Trace");
        yield return ("Platform:Roles", "Silo,Ingest,Api");
        yield return ("Broker:Embedded", options.Broker is null ? "true" : "false");
        yield return ("Broker:Port", Invariant(endpoints.BrokerPort));
        yield return ("Ingest:Mqtt:Server", $"{endpoints.BrokerHost}:{Invariant(endpoints.BrokerPort)}");
        yield return ("Ingest:Mqtt:ClientId", endpoints.IngestClientId);
        yield return ("Cluster:SiloPort", Invariant(endpoints.SiloPort));
        yield return ("Cluster:GatewayPort", Invariant(endpoints.GatewayPort));
        yield return ("Cluster:ClusterId", endpoints.IngestClientId);
        if (options.Postgres is { } postgres)
        {
            yield return ("Database:Provider", "Postgres");
            yield return ("ConnectionStrings:Maintenance", postgres);
        }
        else
        {
            yield return ("Database:Provider", "Sqlite");
            yield return ("ConnectionStrings:Maintenance", $"Data Source={Path.Combine(endpoints.DataDirectory, "workorders.db")}");
        }

        if (options.Influx is { } influx)
        {
            yield return ("TimeSeries:Provider", "Influx");
            yield return ("Influx:Url", influx.ToString());
            yield return ("Influx:Database", options.InfluxDatabase!);
        }
        else
        {
            yield return ("TimeSeries:Provider", "Embedded");
            yield return ("TimeSeries:Embedded:Path", Path.Combine(endpoints.DataDirectory, "telemetry.db"));
        }

        foreach (var (key, value) in options.Settings)
        {
            yield return (key, value);
        }
    }

    /// <summary>
    /// src/Api (its appsettings.json), from the manifest the Mvc.Testing targets write beside this program: the factory
    /// itself only looks for that manifest in the current directory, which under <c>dotnet run</c> is the caller's.
    /// </summary>
    private static string ApiContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) ?? [];
        return roots.TryGetValue(typeof(PlatformOptions).Assembly.FullName!, out var root) && Directory.Exists(root) ? root : AppContext.BaseDirectory;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Where this run's platform listens and keeps its files.</summary>
internal sealed record PlatformEndpoints(string BrokerHost, int BrokerPort, int SiloPort, int GatewayPort, string IngestClientId, string DataDirectory);
