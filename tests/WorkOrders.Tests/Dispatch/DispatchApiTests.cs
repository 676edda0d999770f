using System.Net;
using WorkOrders.WorkOrders.Tests.Api;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Dispatch;

[Collection(DatabaseCollection.Name)]
public sealed class DispatchApiTests
{
    [Fact]
    public async Task GetDispatch_ExplainsWhyThisEngineer_AndPreviewListsEveryCandidate()
    {
        await using var api = await ApiHost.StartAsync();
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders",
            new { source = "Api", category = "Repair", title = "Fan rattles", assetType = "fan", site = "plant-south" });
        var number = order.GetProperty("number").GetString();

        var (ok, record) = await api.SendAsync(HttpMethod.Get, $"/api/workorders/{number}/dispatch");
        var (_, preview) = await api.SendAsync(HttpMethod.Post, $"/api/workorders/{number}/dispatch/preview");
        var (missing, _) = await api.SendAsync(HttpMethod.Get, "/api/workorders/WO-26-99999/dispatch");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("eng-emil", record.GetProperty("assigneeId").GetString());
        var decision = record.GetProperty("decision");
        Assert.Equal("dispatched", decision.GetProperty("type").GetString());
        Assert.StartsWith("Emil Sato (eng-emil) scored", decision.GetProperty("note").GetString(), StringComparison.Ordinal);
        var factors = decision.GetProperty("data").GetProperty("candidates")[0].GetProperty("parts").EnumerateArray()
            .Select(p => p.GetProperty("factor").GetString()).ToList();
        Assert.Equal(["distance", "same_site", "workload", "skill", "sla_slack", "first_time_fix"], factors);
        Assert.Equal(4, preview.GetProperty("decision").GetProperty("candidates").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task OpenPool_OverHttp_ListsTheOrder_AndTheSecondClaimGets409()
    {
        await using var api = await ApiHost.StartAsync();
        var (put, _) = await api.SendAsync(HttpMethod.Put, "/api/dispatch/categories/Inspection", new { mode = "OpenPool" });
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders",
            new { source = "Web", category = "Inspection", title = "Yearly pump check", assetType = "pump", site = "plant-north" });
        var number = order.GetProperty("number").GetString();

        var (_, pool) = await api.SendAsync(HttpMethod.Get, "/api/pool?engineerId=eng-anna");
        var (first, claimed) = await api.SendAsync(HttpMethod.Post, $"/api/workorders/{number}/claim", new { engineerId = "eng-anna" });
        var (second, problem) = await api.SendAsync(HttpMethod.Post, $"/api/workorders/{number}/claim", new { engineerId = "eng-dana" });
        var (badMode, errors) = await api.SendAsync(HttpMethod.Put, "/api/dispatch/categories/Repair", new { mode = "Lottery" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("New", order.GetProperty("status").GetString());
        Assert.Equal([number], pool.EnumerateArray().Select(o => o.GetProperty("number").GetString()));
        Assert.Equal((HttpStatusCode.OK, "eng-anna"), (first.StatusCode, claimed.GetProperty("assigneeId").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal($"{number} was already claimed by eng-anna; it is Dispatched.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.True(errors.GetProperty("errors").TryGetProperty("mode", out _));
    }

    [Fact]
    public async Task TheEngineersPhone_ReportsALocation_ThatTheProfileShows()
    {
        await using var api = await ApiHost.StartAsync();

        var (ok, engineer) = await api.SendAsync(HttpMethod.Post, "/api/engineers/eng-anna/location", new { latitude = 59.30, longitude = 18.10 });
        var (bad, problem) = await api.SendAsync(HttpMethod.Post, "/api/engineers/eng-anna/location", new { latitude = 91.0, longitude = 18.10 });
        var (unknown, _) = await api.SendAsync(HttpMethod.Post, "/api/engineers/eng-nobody/location", new { latitude = 59.30, longitude = 18.10 });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal((59.30, 18.10), (engineer.GetProperty("currentLatitude").GetDouble(), engineer.GetProperty("currentLongitude").GetDouble()));
        Assert.Equal(7, engineer.GetProperty("workingHours").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["latitude must be from -90 to 90."], problem.GetProperty("errors").GetProperty("latitude").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
