using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Api;

/// <summary>
/// The whole single-node platform (silo, ingest, API) in the test process through <see cref="WebApplicationFactory{Program}"/>:
/// SQLite and the embedded telemetry store on fresh files, ingest on the real mosquitto with its own client id,
/// Orleans on free ports in its own cluster. <paramref name="overrides"/> go last, so a test can set a bad value.
/// Its ingest session is forgotten on the broker when the factory is disposed.
/// </summary>
public sealed class ApiFactory(MosquittoServer? broker, IReadOnlyDictionary<string, string>? overrides = null) : WebApplicationFactory<Program>
{
    private readonly TestFolder _folder = new();

    public string IngestClientId { get; } = $"it-api-{Guid.NewGuid():N}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Maintenance", $"Data Source={_folder.File("workorders.db")}");
        builder.UseSetting("TimeSeries:Provider", "Embedded");
        builder.UseSetting("TimeSeries:Embedded:Path", _folder.File("telemetry.db"));
        builder.UseSetting("Ingest:Mqtt:Server", broker is null ? "127.0.0.1:1" : $"{broker.Host}:{broker.Port}");
        builder.UseSetting("Ingest:Mqtt:ClientId", IngestClientId);
        builder.UseSetting("Ingest:Mqtt:BatchWindow", "00:00:00.010");
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:ClusterId", $"it-{Guid.NewGuid():N}");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (broker is not null)
        {
            await BrokerSessions.ForgetAsync(broker, [IngestClientId]);
        }

        _folder.Dispose();
    }
}
