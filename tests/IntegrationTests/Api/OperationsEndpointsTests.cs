using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Api;

/// <summary>What operators and tools read: OpenAPI, health, Prometheus metrics, dead letters.</summary>
[Collection(BrokerCollection.Name)]
public sealed class OperationsEndpointsTests(MosquittoServer broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OpenApiDocument_ListsTheDevicesAndWorkOrdersRoutes()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToList();
        Assert.Contains("/api/devices", paths);
        Assert.Contains("/api/workorders", paths);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task HealthEndpoint_Answers200WithJson_OnceThePlatformIsReady(string path)
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();
        await WaitUntilReadyAsync(http);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AfterTelemetryFlowed_MetricsServeIngestCountersAndTheStoresCheckpoint_AndDeadLettersShowTheRejectedMessagesReason()
    {
        await using var api = new ApiFactory(broker);
        using var http = api.CreateClient();
        var deviceId = Samples.NewDeviceId("comp");
        (await http.PostAsJsonAsync("/api/devices", new DeviceRegistration(deviceId, "compressor", "plant-east", null))).EnsureSuccessStatusCode();
        await WaitUntilReadyAsync(http);
        await using var publisher = await TelemetryPublisher.ConnectAsync(broker);

        await publisher.PublishSeqsAsync(deviceId, Samples.Seqs(1, 5));
        await publisher.PublishRawAsync(TelemetryTopics.Telemetry(deviceId), Encoding.UTF8.GetBytes(
            $$$"""{"deviceId":"{{{deviceId}}}","seq":6,"ts":"{{{DateTimeOffset.UtcNow.AddMinutes(-1):O}}}","readings":{"temperature_c":99999}}"""));

        JsonElement deadLetters = default;
        await Eventually.AssertAsync(async () =>
        {
            deadLetters = await http.GetFromJsonAsync<JsonElement>($"/api/deadletters?deviceId={deviceId}");
            return deadLetters.GetArrayLength() > 0;
        }, Patience, $"a dead letter for {deviceId}");
        var deadLetter = Assert.Single(deadLetters.EnumerateArray());
        Assert.Equal("value_out_of_range", deadLetter.GetProperty("reason").GetString());
        Assert.Contains("temperature_c", deadLetter.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var metrics = "";
        await Eventually.AssertAsync(async () =>
        {
            metrics = await http.GetStringAsync("/metrics");
            return metrics.Contains("pdm_ingest_dead_letters", StringComparison.Ordinal)
                && metrics.Contains("pdm_ingest_store_checkpoint_duration", StringComparison.Ordinal);
        }, Patience, "pdm_ingest_dead_letters and the embedded store's checkpoint (a second after the write) on /metrics");
        Assert.Contains("pdm_ingest_store_checkpoint_duration_milliseconds_count", metrics, StringComparison.Ordinal);
        var walFrames = Assert.Single(metrics.Split('\n'), line => line.StartsWith("pdm_ingest_store_wal_frames{", StringComparison.Ordinal));
        Assert.True(double.Parse(walFrames[(walFrames.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 0, walFrames);
        Assert.Contains("pdm_ingest_messages", metrics, StringComparison.Ordinal);
        Assert.Contains("pdm_ingest_samples_accepted", metrics, StringComparison.Ordinal);
        Assert.Contains("reason=\"value_out_of_range\"", metrics, StringComparison.Ordinal);
    }

    private static Task WaitUntilReadyAsync(HttpClient http) =>
        Eventually.AssertAsync(
            async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode,
            Patience, "/health/ready to answer 200 (database reachable, ingest subscribed)");
}
