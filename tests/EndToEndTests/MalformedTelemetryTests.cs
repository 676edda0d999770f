using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Testing;
using static WorkOrders.EndToEndTests.PlatformAssertions;

namespace WorkOrders.EndToEndTests;

/// <summary>Bad messages mixed into good ones: every good sample is stored, every bad one dead-lettered with its reason.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MalformedTelemetryTests(PlatformServers servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task MalformedMessagesAmongGoodOnes_AreDeadLetteredWithTheirReason_AndEveryGoodSampleIsStored()
    {
        var databases = await PlatformDatabases.CreateAsync(servers);
        await using var platform = new PlatformFactory(databases, $"{servers.Broker.Host}:{servers.Broker.Port}", $"ingest-{Guid.NewGuid():N}");
        var deviceId = $"fan-{Guid.NewGuid():N}"[..16];
        var stranger = $"ghost-{Guid.NewGuid():N}"[..16];
        using var http = platform.CreateClient();
        (await http.PostAsJsonAsync("/api/devices", new DeviceRegistration(deviceId, "fan", "plant-south", null))).EnsureSuccessStatusCode();
        await Eventually.AssertAsync(async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode, Patience, "the platform to be ready");
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var topic = TelemetryTopics.Telemetry(deviceId);
        var bad = new (string Topic, string Body, string Reason)[]
        {
            (topic, "{not json", "bad_json"),
            (topic, $$$"""{"deviceId":"{{{deviceId}}}","seq":1001,"ts":"{{{start:O}}}","readings":{"temperature_c":"NaN"}}""", "non_finite_value"),
            (topic, $$$"""{"deviceId":"{{{deviceId}}}","seq":1002,"ts":"{{{start:O}}}","readings":{"temperature_c":99999}}""", "value_out_of_range"),
            (topic, $$$"""{"deviceId":"{{{deviceId}}}","seq":1003,"ts":"{{{DateTimeOffset.UtcNow.AddDays(2):O}}}","readings":{"temperature_c":20}}""", "future_timestamp"),
            (topic, $$$"""{"deviceId":"{{{deviceId}}}","seq":1004,"readings":{"temperature_c":20}}""", "missing_field"),
            (topic, $$$"""{"deviceId":"{{{deviceId}}}","seq":1005,"ts":"{{{start:O}}}","readings":{"temperature_c":20,"pad":"{{{new string('x', 300_000)}}}"}}""", "oversized"),
            (TelemetryTopics.Telemetry(stranger), $$$"""{"deviceId":"{{{stranger}}}","seq":1,"ts":"{{{start:O}}}","readings":{"temperature_c":20}}""", "unknown_device"),
        };

        await using (var publisher = await TelemetryPublisher.ConnectAsync(servers.Broker.Host, servers.Broker.Port))
        {
            for (var seq = 1; seq <= 70; seq++)
            {
                var sample = new TelemetrySampleMessage(seq, start.AddSeconds(seq), new Dictionary<string, double> { ["temperature_c"] = 40 + (seq % 7) });
                await publisher.PublishAsync(deviceId, TelemetryMessage.Single(deviceId, sample));
                if (seq % 10 == 0)
                {
                    var (badTopic, body, _) = bad[(seq / 10) - 1];
                    await publisher.PublishRawAsync(badTopic, Encoding.UTF8.GetBytes(body));
                }
            }
        }

        await Eventually.AssertAsync(
            async () => IsExactly(await StoredSeqsAsync(servers, databases.InfluxDatabase, deviceId), 1, 70),
            Patience, "every good seq 1..70 in InfluxDB");
        IReadOnlyList<string> reasons = [];
        await Eventually.AssertAsync(async () =>
        {
            var deviceLetters = await http.GetFromJsonAsync<JsonElement>($"/api/deadletters?deviceId={deviceId}&limit=100");
            var strangerLetters = await http.GetFromJsonAsync<JsonElement>($"/api/deadletters?deviceId={stranger}&limit=100");
            reasons = [.. deviceLetters.EnumerateArray().Concat(strangerLetters.EnumerateArray()).Select(d => d.GetProperty("reason").GetString()!)];
            return reasons.Count >= bad.Length;
        }, Patience, "a dead letter for each bad message");
        Assert.Equal(bad.Select(b => b.Reason).Order(), reasons.Order());
    }
}
