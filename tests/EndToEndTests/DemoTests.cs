using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkOrders.Simulators;
using WorkOrders.Testing;
using static WorkOrders.EndToEndTests.PlatformAssertions;

namespace WorkOrders.EndToEndTests;

/// <summary>
/// The README's first command, `dotnet run --project src/Api -- --demo`: everything embedded (in-process
/// broker, single-node silo, SQLite files) with the simulated fleet, and a predictive work order open and
/// assigned within two minutes for a device the demo scenario makes faulty, and none for a healthy one.
/// </summary>
public sealed class DemoTests
{
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Demo_OpensAnAssignedPredictiveWorkOrderForAFaultyDevice_WithinTwoMinutes_AndNoneForHealthyOnes()
    {
        var faulty = BuiltInScenarios.Demo.Faults.Select(f => f.Device).ToHashSet(StringComparer.Ordinal);
        using var data = new TempFolder();
        await using var demo = new DemoFactory(data.Path);
        using var client = demo.CreateClient();

        await Eventually.AssertAsync(
            async () => (await PredictiveOrdersAsync(demo.Services)).Any(o => o.AssigneeId is not null && faulty.Contains(o.DeviceId!)),
            TwoMinutes,
            $"an assigned predictive work order for one of the faulty demo devices ({string.Join(", ", faulty)})");

        var orders = await PredictiveOrdersAsync(demo.Services);
        var falseAlarms = orders.Where(o => !faulty.Contains(o.DeviceId!)).Select(o => $"{o.Number} {o.DeviceId}: {o.Description}");
        Assert.Empty(falseAlarms);
        Assert.Equal(orders.Count, orders.Select(o => o.IdempotencyKey).Distinct().Count());
    }

    private sealed class DemoFactory(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var brokerPort = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.UseSetting("Platform:Demo", "true");
            builder.UseSetting("Broker:Embedded", "true");
            builder.UseSetting("Broker:Port", brokerPort);
            builder.UseSetting("Ingest:Mqtt:Server", $"127.0.0.1:{brokerPort}");
            builder.UseSetting("ConnectionStrings:Maintenance", $"Data Source={System.IO.Path.Combine(dataFolder, "workorders.db")}");
            builder.UseSetting("TimeSeries:Embedded:Path", System.IO.Path.Combine(dataFolder, "telemetry.db"));
            builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:ClusterId", $"demo-{Guid.NewGuid():N}");
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("pdm-demo-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
