using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Api;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Models;

[Collection(DatabaseCollection.Name)]
public sealed class ModelsApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ActivateThenRollback_SwitchesTheActiveVersion_And409sWhenThereIsNothingToRollBackTo()
    {
        await using var api = await ApiHost.StartAsync();
        var registry = api.Services.GetRequiredService<ModelRegistry>();
        var v1 = await registry.AddCandidateAsync(new NewModelVersion("pump", Start.AddDays(-7), Start, ["pump-1"], """{"rmse":12.5}""", [1]));
        var v2 = await registry.AddCandidateAsync(new NewModelVersion("pump", Start.AddDays(-7), Start, ["pump-1"], "{}", [2]));

        var (first, firstBody) = await api.SendAsync(HttpMethod.Post, $"/api/models/{v1.Id}/activate", new { actor = "anna" });
        var (tooEarly, tooEarlyProblem) = await api.SendAsync(HttpMethod.Post, "/api/models/pump/rollback");
        await api.SendAsync(HttpMethod.Post, $"/api/models/{v2.Id}/activate");
        var (rolledBack, rolledBackBody) = await api.SendAsync(HttpMethod.Post, "/api/models/pump/rollback", new { actor = "ops" });
        var (_, list) = await api.SendAsync(HttpMethod.Get, "/api/models?assetType=pump");
        var (missing, missingProblem) = await api.SendAsync(HttpMethod.Post, $"/api/models/{Guid.NewGuid()}/activate");

        Assert.Equal((HttpStatusCode.OK, "pump-v1", "Active", "anna"), (first.StatusCode, S(firstBody, "label"), S(firstBody, "status"), S(firstBody, "activatedBy")));
        Assert.Equal(12.5, firstBody.GetProperty("metrics").GetProperty("rmse").GetDouble());
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("pump-v1 is the first version activated for 'pump'; there is no earlier version to roll back to.", S(tooEarlyProblem, "detail"));
        Assert.Equal((HttpStatusCode.OK, "pump-v1", "ops"), (rolledBack.StatusCode, S(rolledBackBody, "label"), S(rolledBackBody, "activatedBy")));
        Assert.Equal([("pump-v2", "Retired"), ("pump-v1", "Active")], list.EnumerateArray().Select(v => (S(v, "label"), S(v, "status"))));
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType));
        Assert.Equal(404, missingProblem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task PutOutcome_Returns400PerField_409BeforeCompletion_AndPrecisionCountsIt()
    {
        await using var api = await ApiHost.StartAsync();
        var registry = api.Services.GetRequiredService<ModelRegistry>();
        var version = await registry.AddCandidateAsync(new NewModelVersion("pump", Start.AddDays(-7), Start, ["pump-1"], "{}", [1]));
        var orders = api.Services.GetRequiredService<WorkOrderService>();
        var opened = await orders.OpenPredictiveAsync(new PredictiveWorkOrderRequest(
            "pump-1/episode/1", "pump-1", "pump", "plant-north", "Bearing wear", "vibration", 0.95, Start, null, version.Label));

        var (invalid, invalidProblem) = await api.SendAsync(HttpMethod.Put, $"/api/workorders/{opened.Number}/outcome", new { finding = "maybe" });
        var (early, earlyProblem) = await api.SendAsync(HttpMethod.Put, $"/api/workorders/{opened.Number}/outcome", new { finding = "no-fault-found" });
        foreach (var to in new[] { "Accepted", "OnSite", "InProgress", "Completed" })
        {
            await api.SendAsync(HttpMethod.Post, $"/api/workorders/{opened.Number}/transitions", new { to, actor = "eng", role = "Admin" });
        }

        var (recorded, outcome) = await api.SendAsync(HttpMethod.Put, $"/api/workorders/{opened.Number}/outcome",
            new { finding = "confirmed", failureMode = "bearing wear", note = "replaced" });
        var (_, precision) = await api.SendAsync(HttpMethod.Get, $"/api/models/{version.Id}/precision");
        var (_, perType) = await api.SendAsync(HttpMethod.Get, "/api/models/precision?assetType=pump");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["finding"], invalidProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("record the outcome when the work is done", S(earlyProblem, "detail"), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "confirmed", "pump-v1"), (recorded.StatusCode, S(outcome, "finding"), S(outcome, "modelVersion")));
        Assert.Equal(("pump-v1", 1, 0, 1.0), (S(precision, "modelVersion"), precision.GetProperty("confirmed").GetInt32(),
            precision.GetProperty("noFaultFound").GetInt32(), precision.GetProperty("precision").GetDouble()));
        Assert.Single(perType.EnumerateArray());
    }

    private static string? S(JsonElement element, string name) => element.GetProperty(name).GetString();
}
