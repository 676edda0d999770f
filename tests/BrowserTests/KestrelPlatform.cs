using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using WorkOrders.Testing;

namespace WorkOrders.BrowserTests;

/// <summary>
/// The whole platform (silo, ingest, API, fleet page) in this process, served by Kestrel on a free loopback port so
/// that a real browser can open it: SQLite and the embedded time-series store in a temp directory, telemetry from a
/// real mosquitto, Orleans on free ports with its own cluster id.
/// </summary>
public sealed class KestrelPlatform : WebApplicationFactory<Program>
{
    private readonly string _brokerServer;
    private readonly string _dataDirectory =
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"workorders-browser-{Guid.NewGuid():N}")).FullName;
    private readonly int _httpPort = FreePort.Next();
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();

    public KestrelPlatform(string brokerServer)
    {
        _brokerServer = brokerServer;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _httpPort));
    }

    /// <summary>Where a browser (or any HTTP client) reaches the platform.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_httpPort}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development, ASP.NET serves _framework/blazor.web.js and app.css only from a publish folder;
        // the build output has a manifest that maps them to the framework and the project instead.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Maintenance", $"Data Source={Path.Combine(_dataDirectory, "workorders.db")}");
        builder.UseSetting("TimeSeries:Provider", "Embedded");
        builder.UseSetting("TimeSeries:Embedded:Path", Path.Combine(_dataDirectory, "telemetry.db"));
        builder.UseSetting("Broker:Embedded", "false");
        builder.UseSetting("Ingest:Mqtt:Server", _brokerServer);
        builder.UseSetting("Ingest:Mqtt:ClientId", $"browser-ingest-{Guid.NewGuid():N}");
        builder.UseSetting("Ingest:Mqtt:BatchWindow", "00:00:00.010");
        builder.UseSetting("Cluster:SiloPort", _siloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", _gatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:ClusterId", $"browser-{Guid.NewGuid():N}");
        builder.UseSetting("Devices:SaveEverySamples", "50");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the OS's temp clean-up; never fail a test over it.
        }
    }
}
