using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Devices;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Prediction.Lifecycle;
using WorkOrders.Testing;
using static WorkOrders.EndToEndTests.PlatformAssertions;

namespace WorkOrders.EndToEndTests.Lifecycle;

/// <summary>
/// The closed loop on real servers: a version trained from InfluxDB history by a training job queued through the API, activated, picked up by
/// a live grain without a restart, carried by the work order it raises; the engineer's outcome gives its precision.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ModelLifecycleTests(PlatformServers servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TrainActivateDetectAndLabel_GivesTheVersionItsPrecision()
    {
        var databases = await PlatformDatabases.CreateAsync(servers);
        await using var factory = new PlatformFactory(databases, $"{servers.Broker.Host}:{servers.Broker.Port}", $"ingest-{Guid.NewGuid():N}");
        await using var platform = factory.WithWebHostBuilder(b => b
            .UseSetting("Models:RefreshInterval", "00:00:01")
            .UseSetting("Models:TrainingJobs:PollInterval", "00:00:01"));
        using var client = platform.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var history = Enumerable.Range(0, 3).Select(i => $"hist-{i}-{suffix}").ToList();
        var live = new DegradingDevice($"pump-{suffix}", faultFromSeq: 401);
        foreach (var deviceId in history.Append(live.DeviceId))
        {
            await EnsureOkAsync(await client.PostAsJsonAsync("/api/devices", new DeviceRegistration(deviceId, "pump", "plant-north", "hall 1")));
        }

        await EnsureOkAsync(await client.PostAsJsonAsync("/api/engineers",
            new EngineerRegistration("eng-pumps", "Pump Fitter", "plant-north", [new EngineerSkillView("pump", 3)])));
        await Eventually.AssertAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, Patience, "the platform to report ready");
        var historyStart = DateTimeOffset.UtcNow.AddHours(-3);
        var telemetry = platform.Services.GetRequiredService<ITelemetryStore>();
        for (var i = 0; i < history.Count; i++)
        {
            var healthy = new DegradingDevice(history[i], faultFromSeq: int.MaxValue, seed: i).Samples(1, 600, historyStart);
            await telemetry.WriteAsync([.. healthy.Select(s => new StoredSample(history[i], s.Seq!.Value, s.Ts!.Value, s.Readings!))]);
        }

        var trained = await client.PostAsJsonAsync("/api/models/train", new { assetType = "pump", from = historyStart, to = historyStart.AddHours(1) });
        var queued = await BodyAsync(trained);
        var job = queued;
        await Eventually.AssertAsync(async () =>
        {
            job = await BodyAsync(await client.GetAsync(trained.Headers.Location));
            return job.GetProperty("status").GetString() is "Succeeded" or "Failed";
        }, Patience, "the training job to end");
        Assert.Equal(("Succeeded", 100), (job.GetProperty("status").GetString(), job.GetProperty("percent").GetInt32()));
        var version = await BodyAsync(await client.GetAsync($"/api/models/{job.GetProperty("modelVersionId").GetString()}"));
        var id = version.GetProperty("id").GetString();
        var activated = await client.PostAsJsonAsync($"/api/models/{id}/activate", new { actor = "e2e" });
        var models = platform.Services.GetRequiredService<IActiveModels>();
        await Eventually.AssertAsync(() => Task.FromResult(models.Find("pump")?.Version == "pump-v1"), Patience, "the silo's cache to load pump-v1");
        await using (var publisher = await TelemetryPublisher.ConnectAsync(servers.Broker.Host, servers.Broker.Port))
        {
            await publisher.PublishSamplesAsync(live.DeviceId, live.Samples(1, 600, DateTimeOffset.UtcNow.AddMinutes(-20)));
        }

        await Eventually.AssertAsync(async () => (await PredictiveOrdersAsync(platform.Services, live.DeviceId)).Count > 0,
            Patience, $"a predictive work order for {live.DeviceId}");
        var order = Assert.Single(await PredictiveOrdersAsync(platform.Services, live.DeviceId));
        foreach (var to in new[] { "Accepted", "OnSite", "InProgress", "Completed" })
        {
            await EnsureOkAsync(await client.PostAsJsonAsync($"/api/workorders/{order.Number}/transitions", new { to, actor = order.AssigneeId, role = "Engineer" }));
        }

        var outcome = await client.PutAsJsonAsync($"/api/workorders/{order.Number}/outcome", new { finding = "confirmed", failureMode = "bearing wear" });
        var precision = await BodyAsync(await client.GetAsync($"/api/models/{id}/precision"));

        Assert.Equal((HttpStatusCode.Accepted, "Queued"), (trained.StatusCode, queued.GetProperty("status").GetString()));
        Assert.Equal("pump-v1", version.GetProperty("label").GetString());
        Assert.Equal(history.Order(StringComparer.Ordinal), version.GetProperty("devices").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["current_a", "temperature_c", "vibration_rms_g"], version.GetProperty("metrics").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Number, version.GetProperty("metrics").GetProperty("baselineHoldoutError").ValueKind);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal("pump-v1", order.ModelVersion);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal((1, 0, 1.0), (precision.GetProperty("confirmed").GetInt32(), precision.GetProperty("noFaultFound").GetInt32(), precision.GetProperty("precision").GetDouble()));
    }

    private static async Task EnsureOkAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
