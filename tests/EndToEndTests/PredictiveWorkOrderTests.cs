using System.Net.Http.Json;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Testing;
using static WorkOrders.EndToEndTests.PlatformAssertions;

namespace WorkOrders.EndToEndTests;

/// <summary>
/// Telemetry in, a predictive work order out: a degrading device's telemetry goes through a real
/// mosquitto into the platform, lands in InfluxDB seq by seq and opens exactly one work order in PostgreSQL.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PredictiveWorkOrderTests(PlatformServers servers)
{
    private const int FaultFromSeq = 401;
    private const int LastSeq = 600;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DegradingDevice_OpensExactlyOneAssignedWorkOrder_AndEverySeqIsStoredOnce()
    {
        var databases = await PlatformDatabases.CreateAsync(servers);
        await using var platform = new PlatformFactory(databases, $"{servers.Broker.Host}:{servers.Broker.Port}", $"ingest-{Guid.NewGuid():N}");
        var device = new DegradingDevice($"pump-{Guid.NewGuid():N}"[..20], FaultFromSeq);
        await RegisterAsync(platform, device.DeviceId);
        await WaitUntilReadyAsync(platform);

        await using (var publisher = await TelemetryPublisher.ConnectAsync(servers.Broker.Host, servers.Broker.Port))
        {
            await PublishInBatchesAsync(publisher, device, 1, LastSeq);
        }

        await Eventually.AssertAsync(
            async () => IsExactly(await StoredSeqsAsync(servers, databases.InfluxDatabase, device.DeviceId), 1, LastSeq),
            Patience, $"every seq 1..{LastSeq} of {device.DeviceId} in InfluxDB");
        await Eventually.AssertAsync(
            async () => (await PredictiveOrdersAsync(platform.Services, device.DeviceId)).Count > 0,
            Patience, $"a predictive work order for {device.DeviceId} in PostgreSQL");
        var orders = await PredictiveOrdersAsync(platform.Services, device.DeviceId);
        var order = Assert.Single(orders);
        Assert.Equal($"{device.DeviceId}/episode/1", order.IdempotencyKey);
        Assert.Equal(QualifiedEngineer, order.AssigneeId);
        Assert.Equal(LastSeq, (await StoredSeqsAsync(servers, databases.InfluxDatabase, device.DeviceId)).Count);
    }

    [Fact]
    public async Task IngestRestartedMidStream_LosesNothing_DoublesNothing_AndOpensOneWorkOrder()
    {
        var databases = await PlatformDatabases.CreateAsync(servers);
        var ingestClientId = $"ingest-{Guid.NewGuid():N}";
        var broker = $"{servers.Broker.Host}:{servers.Broker.Port}";
        var device = new DegradingDevice($"pump-{Guid.NewGuid():N}"[..20], FaultFromSeq);
        await using var publisher = await TelemetryPublisher.ConnectAsync(servers.Broker.Host, servers.Broker.Port);

        await using (var first = new PlatformFactory(databases, broker, ingestClientId))
        {
            await RegisterAsync(first, device.DeviceId);
            await WaitUntilReadyAsync(first);
            await PublishInBatchesAsync(publisher, device, 1, 300);
            await Eventually.AssertAsync(
                async () => (await StoredSeqsAsync(servers, databases.InfluxDatabase, device.DeviceId)).Count >= 100,
                Patience, "the first platform to store some of the stream");
        }

        // The platform is down: the broker keeps the ingest session's messages.
        await PublishInBatchesAsync(publisher, device, 301, 450);

        await using var second = new PlatformFactory(databases, broker, ingestClientId);
        await WaitUntilReadyAsync(second);
        await PublishInBatchesAsync(publisher, device, 451, LastSeq);

        await Eventually.AssertAsync(
            async () => IsExactly(await StoredSeqsAsync(servers, databases.InfluxDatabase, device.DeviceId), 1, LastSeq),
            Patience, $"every seq 1..{LastSeq} exactly once after the restart");
        await Eventually.AssertAsync(
            async () => (await PredictiveOrdersAsync(second.Services, device.DeviceId)).Count > 0,
            Patience, "a predictive work order after the restart");
        Assert.Single(await PredictiveOrdersAsync(second.Services, device.DeviceId));
        var stored = await StoredSeqsAsync(servers, databases.InfluxDatabase, device.DeviceId);
        Assert.True(IsExactly(stored, 1, LastSeq), Describe(stored, 1, LastSeq));
    }

    private const string QualifiedEngineer = "eng-pumps";

    /// <summary>Registers the pump and two engineers, of whom only one may work on pumps.</summary>
    private static async Task RegisterAsync(PlatformFactory platform, string deviceId)
    {
        using var client = platform.CreateClient();
        var response = await client.PostAsJsonAsync("/api/devices", new DeviceRegistration(deviceId, "pump", "plant-north", "hall 1"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        foreach (var engineer in new[]
        {
            new EngineerRegistration("eng-fans", "Fan Fitter", "plant-north", [new EngineerSkillView("fan", 5)]),
            new EngineerRegistration(QualifiedEngineer, "Pump Fitter", "plant-north", [new EngineerSkillView("pump", 3)]),
        })
        {
            var registered = await client.PostAsJsonAsync("/api/engineers", engineer);
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        }
    }

    private static async Task WaitUntilReadyAsync(PlatformFactory platform)
    {
        using var client = platform.CreateClient();
        await Eventually.AssertAsync(
            async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode,
            Patience, "the platform to report ready (database, ingest subscribed)");
    }

    private static async Task PublishInBatchesAsync(TelemetryPublisher publisher, DegradingDevice device, int from, int to)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        await publisher.PublishSamplesAsync(device.DeviceId, device.Samples(from, to, start));
    }
}
