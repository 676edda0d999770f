using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Models.Training;
using WorkOrders.WorkOrders.Tests.Api;

namespace WorkOrders.WorkOrders.Tests.Models.Training;

/// <summary><c>POST /api/models/train</c> and <c>/api/models/training-jobs</c> over HTTP, with a scripted worker.</summary>
public sealed class TrainingJobsApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Train_Answers202WithTheJobsLocation_ThenTheJobShowsTheVersionOnceAWorkerTrainedIt()
    {
        await using var api = await ApiHost.StartAsync();
        await api.Services.GetRequiredService<DeviceRegistry>().RegisterAsync(new DeviceRegistration("pump-1", "pump", "plant-north", null));

        var (accepted, queued) = await api.SendAsync(HttpMethod.Post, "/api/models/train", new { assetType = "Pump", from = Now.AddDays(-7), to = Now });
        var (busy, busyProblem) = await api.SendAsync(HttpMethod.Post, "/api/models/train", new { assetType = "pump", from = Now.AddDays(-3), to = Now });
        var (_, whileQueued) = await api.SendAsync(HttpMethod.Get, accepted.Headers.Location!.ToString());
        var ran = await Worker(api).RunOnceAsync();
        var (shown, done) = await api.SendAsync(HttpMethod.Get, accepted.Headers.Location!.ToString());
        var (_, listed) = await api.SendAsync(HttpMethod.Get, "/api/models/training-jobs?assetType=pump&status=succeeded");

        var id = S(queued, "id");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/models/training-jobs/{id}", accepted.Headers.Location!.ToString());
        Assert.Equal(("pump", "Queued", 0), (S(queued, "assetType"), S(queued, "status"), queued.GetProperty("percent").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal($"Training job {id} for 'pump' is still queued; wait for it to end.", S(busyProblem, "detail"));
        Assert.Equal((id, "Queued"), (S(whileQueued, "id"), S(whileQueued, "status")));
        Assert.True(ran);
        var version = Assert.Single(await api.Services.GetRequiredService<ModelRegistry>().ListAsync("pump"));
        Assert.Equal((HttpStatusCode.OK, "Succeeded", 100, version.Id.ToString()),
            (shown.StatusCode, S(done, "status"), done.GetProperty("percent").GetInt32(), S(done, "modelVersionId")));
        Assert.Equal([id], listed.EnumerateArray().Select(j => S(j, "id")));
    }

    [Fact]
    public async Task Train_Answers400PerField_BeforeAnyJobIsQueued_AndUnknownJobsAre404()
    {
        await using var api = await ApiHost.StartAsync();

        var (unknownType, unknownProblem) = await api.SendAsync(HttpMethod.Post, "/api/models/train", new { assetType = "turbine", from = Now.AddDays(-7), to = Now });
        var (badRange, badRangeProblem) = await api.SendAsync(HttpMethod.Post, "/api/models/train", new { from = Now.AddDays(1), to = Now });
        var (badStatus, badStatusProblem) = await api.SendAsync(HttpMethod.Get, "/api/models/training-jobs?status=paused");
        var (missing, missingProblem) = await api.SendAsync(HttpMethod.Get, $"/api/models/training-jobs/{Guid.NewGuid()}");
        var (_, jobs) = await api.SendAsync(HttpMethod.Get, "/api/models/training-jobs");

        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Equal("No device of asset type 'turbine' is registered, so there is no history to train on.",
            unknownProblem.GetProperty("errors").GetProperty("assetType")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        Assert.Equal(["assetType", "from", "to"], badRangeProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal((HttpStatusCode.BadRequest, "status"), (badStatus.StatusCode, badStatusProblem.GetProperty("errors").EnumerateObject().Single().Name));
        Assert.Equal((HttpStatusCode.NotFound, 404), (missing.StatusCode, missingProblem.GetProperty("status").GetInt32()));
        Assert.Empty(jobs.EnumerateArray());
    }

    [Fact]
    public async Task Cancel_Answers200WithTheCancelledJob_ThenLetsTheAssetTypeQueueAgain_And409OnceEnded_And404ForUnknownIds()
    {
        await using var api = await ApiHost.StartAsync();
        await api.Services.GetRequiredService<DeviceRegistry>().RegisterAsync(new DeviceRegistration("pump-1", "pump", "plant-north", null));
        var (accepted, queued) = await api.SendAsync(HttpMethod.Post, "/api/models/train", new { assetType = "pump", from = Now.AddDays(-7), to = Now });
        var id = S(queued, "id");

        var (cancelled, cancelledJob) = await api.SendAsync(HttpMethod.Post, $"/api/models/training-jobs/{id}/cancel", new { reason = "wrong range" });
        var (again, _) = await api.SendAsync(HttpMethod.Post, "/api/models/train", new { assetType = "pump", from = Now.AddDays(-3), to = Now });
        var (ended, endedProblem) = await api.SendAsync(HttpMethod.Post, $"/api/models/training-jobs/{id}/cancel", new { });
        var (unknown, _) = await api.SendAsync(HttpMethod.Post, $"/api/models/training-jobs/{Guid.NewGuid()}/cancel", new { });
        var (_, listed) = await api.SendAsync(HttpMethod.Get, "/api/models/training-jobs?status=cancelled");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal((HttpStatusCode.OK, id, "Cancelled", "cancelled: wrong range"),
            (cancelled.StatusCode, S(cancelledJob, "id"), S(cancelledJob, "status"), S(cancelledJob, "stage")));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
        Assert.Equal($"Training job {id} already ended Cancelled; only a queued or running job can be cancelled.", S(endedProblem, "detail"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal([id], listed.EnumerateArray().Select(j => S(j, "id")));
    }

    private static TrainingJobWorker Worker(ApiHost api) => new(
        api.Services.GetRequiredService<TrainingJobStore>(),
        new ScriptedRunner(api.Services.GetRequiredService<ModelRegistry>()),
        api.Services.GetRequiredService<TimeProvider>(),
        Options.Create(new TrainingJobOptions { NodeId = "node-test" }),
        NullLogger<TrainingJobWorker>.Instance);

    private static string? S(JsonElement element, string name) => element.GetProperty(name).GetString();
}
