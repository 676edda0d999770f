using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkOrders.Testing;

namespace WorkOrders.EndToEndTests;

/// <summary>
/// The whole platform (silo, ingest, API) in one process, pointed at real servers: mosquitto for MQTT,
/// PostgreSQL for work orders and grain state, InfluxDB for telemetry.
/// </summary>
public sealed class PlatformFactory(PlatformDatabases databases, string brokerServer, string ingestClientId) : WebApplicationFactory<Program>
{
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Maintenance", databases.Postgres);
        builder.UseSetting("TimeSeries:Provider", "Influx");
        builder.UseSetting("Influx:Url", databases.InfluxUrl.ToString());
        builder.UseSetting("Influx:Database", databases.InfluxDatabase);
        builder.UseSetting("Ingest:Mqtt:Server", brokerServer);
        builder.UseSetting("Ingest:Mqtt:ClientId", ingestClientId);
        builder.UseSetting("Ingest:Mqtt:BatchWindow", "00:00:00.010");
        builder.UseSetting("Cluster:SiloPort", _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:ClusterId", $"e2e-{Guid.NewGuid():N}");
        builder.UseSetting("Devices:SaveEverySamples", "50");
    }
}

/// <summary>The fresh databases of one test.</summary>
public sealed record PlatformDatabases(string Postgres, Uri InfluxUrl, string InfluxDatabase)
{
    public static async Task<PlatformDatabases> CreateAsync(PlatformServers servers) => new(
        await servers.Postgres.CreateDatabaseAsync(),
        servers.Influx.BaseAddress,
        await servers.Influx.CreateDatabaseAsync());
}
