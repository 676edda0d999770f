using System.Net;
using System.Text.Json;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Api;

[Collection(DatabaseCollection.Name)]
public sealed class WorkOrdersApiTests
{
    private static readonly object PumpRepair = new
    {
        source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north",
    };

    [Fact]
    public async Task Post_Returns201_WithTheOrderDispatched_AndGetFindsItByNumber()
    {
        await using var api = await ApiHost.StartAsync();

        var (created, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);
        var (found, byNumber) = await api.SendAsync(HttpMethod.Get, "/api/workorders/wo-26-00001");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/workorders/WO-26-00001", created.Headers.Location?.OriginalString);
        Assert.Equal(("WO-26-00001", "Dispatched", "Phone", "eng-anna"),
            (S(order, "number"), S(order, "status"), S(order, "source"), S(order, "assigneeId")));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(S(order, "id"), S(byNumber, "id"));
        Assert.Equal(["Accepted", "Dispatched", "Rejected", "New", "Cancelled"], byNumber.GetProperty("allowedTransitions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Post_Returns400ValidationProblem_WithAMessagePerField()
    {
        await using var api = await ApiHost.StartAsync();

        var (response, problem) = await api.SendAsync(HttpMethod.Post, "/api/workorders", new { source = "Fax", category = "Repair" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["assetType", "site", "source", "title"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("source must be one of Phone, Web, Api; 'Fax' is not.", errors.GetProperty("source")[0].GetString());
    }

    [Fact]
    public async Task Transition_Returns409Problem_WithTheReason_ForAnIllegalMove()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);

        var (response, problem) = await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-00001/transitions", new { to = "Closed", actor = "ops", role = "Dispatcher" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(
            "A work order cannot move from Dispatched to Closed; from Dispatched it can move to Accepted, Dispatched, Rejected, New, Cancelled.",
            S(problem, "detail"));
    }

    [Fact]
    public async Task Transition_Returns200_AndTheEventsTellTheHistory()
    {
        await using var api = await ApiHost.StartAsync();
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);
        var id = S(order, "id");

        var (accepted, moved) = await api.SendAsync(HttpMethod.Post, $"/api/workorders/{id}/transitions", new { to = "accepted", actor = "eng-anna", role = "engineer", note = "On my way after lunch" });
        var (_, events) = await api.SendAsync(HttpMethod.Get, $"/api/workorders/{id}/events");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Accepted", S(moved, "status"));
        Assert.Equal(["opened", "dispatched", "accepted"], events.EnumerateArray().Select(e => S(e, "type")));
        Assert.StartsWith("Anna Berg (eng-anna) scored 24.6, the best of", S(events[1], "note"), StringComparison.Ordinal);
        Assert.Equal("Accepted", S(events[2].GetProperty("data"), "to"));
    }

    [Fact]
    public async Task TransitionAndEvents_Return404_ForAnUnknownOrder()
    {
        await using var api = await ApiHost.StartAsync();

        var (moved, problem) = await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-00077/transitions", new { to = "Accepted", actor = "ops", role = "Dispatcher" });
        var (events, _) = await api.SendAsync(HttpMethod.Get, "/api/workorders/WO-26-00077/events");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (moved.StatusCode, events.StatusCode));
        Assert.Equal("application/problem+json", moved.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No work order has the id or number 'WO-26-00077'.", S(problem, "detail"));
    }

    [Fact]
    public async Task List_FiltersByStatus_AndRejectsAnUnknownOne()
    {
        await using var api = await ApiHost.StartAsync();
        await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);
        await api.SendAsync(HttpMethod.Post, "/api/workorders", new { source = "Web", category = "Consultation", title = "Advice", site = "plant-north" });

        var (_, fresh) = await api.SendAsync(HttpMethod.Get, "/api/workorders?status=New&pageSize=10");
        var (bad, problem) = await api.SendAsync(HttpMethod.Get, "/api/workorders?status=Open");

        Assert.Equal(1, fresh.GetProperty("total").GetInt32());
        Assert.Equal("Advice", S(fresh.GetProperty("items")[0], "title"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}
