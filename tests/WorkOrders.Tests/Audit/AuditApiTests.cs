using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkOrders.WorkOrders.Tests.Api;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Audit;

[Collection(DatabaseCollection.Name)]
public sealed class AuditApiTests
{
    private static readonly object PumpRepair = new
    {
        source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north",
    };

    [Fact]
    public async Task Transition_Returns403Problem_NamingTheRolesThatMay()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);

        var (response, problem) = await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-00001/transitions",
            new { to = "Accepted", actor = "acme", role = "Customer" });
        var (notAssignee, problem2) = await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-00001/transitions",
            new { to = "Accepted", actor = "eng-someone", role = "Engineer" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Only Engineer (the assignee), Admin may make the move to Accepted (accepted); Customer may not.", S(problem, "detail"));
        Assert.Equal(HttpStatusCode.Forbidden, notAssignee.StatusCode);
        Assert.Equal("Only the assigned engineer (eng-anna) may make the move to Accepted; eng-someone is not the assignee.", S(problem2, "detail"));
    }

    [Fact]
    public async Task Transition_Returns400_PerPositionField()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);

        var (response, problem) = await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-00001/transitions",
            new { to = "Accepted", actor = "eng-anna", role = "Engineer", latitude = -90.01, longitude = 200, accuracyMeters = 1e6 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["accuracyMeters", "latitude", "longitude"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Audit_ReturnsTheChain_AndVerifyReportsATamperedEvent()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);
        await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-00001/transitions",
            new { to = "Accepted", actor = "eng-anna", role = "Engineer", note = "Coming", latitude = 59.33, longitude = 18.07, accuracyMeters = 8 });

        var (ok, events) = await api.SendAsync(HttpMethod.Get, "/api/workorders/wo-26-00001/audit");
        var (_, valid) = await api.SendAsync(HttpMethod.Get, "/api/workorders/WO-26-00001/audit/verify");
        await using (var db = api.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "WorkOrderEvents" SET "Actor" = {0} WHERE "Sequence" = {1}""", "eng-bob", 3);
        }

        var (_, broken) = await api.SendAsync(HttpMethod.Get, "/api/workorders/WO-26-00001/audit/verify");
        var (missing, _) = await api.SendAsync(HttpMethod.Get, "/api/workorders/WO-26-00077/audit/verify");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal([1, 2, 3], events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()));
        var accepted = events[2];
        Assert.Equal(("accepted", "eng-anna", "Engineer"), (S(accepted, "type"), S(accepted, "actor"), S(accepted, "actorRole")));
        Assert.Equal((59.33, 18.07, 8.0), (accepted.GetProperty("latitude").GetDouble(), accepted.GetProperty("longitude").GetDouble(), accepted.GetProperty("accuracyMeters").GetDouble()));
        Assert.Equal(S(events[1], "hash"), S(accepted, "previousHash"));
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal(3, valid.GetProperty("events").GetInt32());
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Equal(3, broken.GetProperty("firstBrokenSequence").GetInt32());
        Assert.Equal("Event 3 was altered: its contents no longer match its hash.", S(broken, "reason"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}
