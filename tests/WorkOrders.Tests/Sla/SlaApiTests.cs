using System.Net;
using System.Text.Json;
using WorkOrders.WorkOrders.Tests.Api;

namespace WorkOrders.WorkOrders.Tests.Sla;

public sealed class SlaApiTests
{
    private static readonly object PumpRepair = new
    {
        source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north",
    };

    [Fact]
    public async Task ListsTheSeededDefaultPolicies_OnePerPriority_On24x7()
    {
        await using var api = await ApiHost.StartAsync();

        var (response, policies) = await api.SendAsync(HttpMethod.Get, "/api/sla/policies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["standard-urgent", "standard-high", "standard-medium", "standard-low"],
            policies.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var urgent = policies[0];
        Assert.Equal(("01:00:00", "04:00:00", "08:00:00"), (S(urgent, "response"), S(urgent, "arrival"), S(urgent, "resolution")));
        Assert.Equal(JsonValueKind.Null, urgent.GetProperty("calendarId").ValueKind);
        Assert.Equal(["WaitingForParts"], urgent.GetProperty("pauseStatuses").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task RejectsABadCalendar_WithAMessagePerField()
    {
        await using var api = await ApiHost.StartAsync();

        var (response, problem) = await api.SendAsync(
            HttpMethod.Put, "/api/sla/calendars/night-shift", new { name = "", timeZone = "Mars/Olympus", hours = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["hours", "name", "timeZone"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreatesACalendarAndATierPolicy_ThenRefusesASecondPolicyForTheSameTier()
    {
        await using var api = await ApiHost.StartAsync();
        var calendar = new
        {
            name = "Night shift", timeZone = "Europe/Stockholm",
            hours = new[] { new { day = "Monday", start = "22:00:00", end = "1.00:00:00" }, new { day = "Tuesday", start = "00:00:00", end = "06:00:00" } },
            holidays = new[] { "2026-12-24" },
        };
        var gold = new
        {
            priority = "Urgent", customerTier = "gold", response = "00:30:00", arrival = "02:00:00", resolution = "04:00:00",
            calendarId = "night-shift", pauseStatuses = new[] { "WaitingForParts" }, stallAfter = "01:00:00",
        };

        var (createdCalendar, _) = await api.SendAsync(HttpMethod.Put, "/api/sla/calendars/night-shift", calendar);
        var (createdPolicy, policy) = await api.SendAsync(HttpMethod.Put, "/api/sla/policies/gold-urgent", gold);
        var (replaced, _) = await api.SendAsync(HttpMethod.Put, "/api/sla/policies/gold-urgent", gold);
        var (conflict, problem) = await api.SendAsync(HttpMethod.Put, "/api/sla/policies/gold-urgent-2", gold);
        var (_, stored) = await api.SendAsync(HttpMethod.Get, "/api/sla/calendars/night-shift");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK), (createdCalendar.StatusCode, createdPolicy.StatusCode, replaced.StatusCode));
        Assert.Equal(("gold", "night-shift", 0.75), (S(policy, "customerTier"), S(policy, "calendarId"), policy.GetProperty("warningFraction").GetDouble()));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("Policy 'gold-urgent' already covers Urgent orders of tier 'gold'; change that one instead.", S(problem, "detail"));
        Assert.Equal(["Monday", "Tuesday"], stored.GetProperty("hours").EnumerateArray().Select(h => S(h, "day")));
    }

    [Fact]
    public async Task EscalatesByHand_OneLevelAtATime_UpToTheManager()
    {
        await using var api = await ApiHost.StartAsync();
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);
        var path = $"/api/workorders/{S(order, "number")}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await api.SendAsync(HttpMethod.Post, $"{path}/escalate", new { actor = "dispatcher", reason = "Customer called twice" })).Response.StatusCode);
        }

        var (_, clock) = await api.SendAsync(HttpMethod.Get, $"{path}/sla");
        var (_, events) = await api.SendAsync(HttpMethod.Get, $"{path}/events");
        var escalated = events.EnumerateArray().Where(e => S(e, "type") == "escalated").ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        Assert.Equal(3, clock.GetProperty("escalationLevel").GetInt32());
        Assert.Equal(["assignee", "team-lead", "manager"], escalated.Select(e => S(e.GetProperty("data").GetProperty("notify")[0], "role")));
        Assert.Equal("eng-anna", S(escalated[0].GetProperty("data").GetProperty("notify")[0], "engineerId"));
        Assert.Equal("dispatcher", S(escalated[0], "actor"));
    }

    [Fact]
    public async Task Escalate_Returns404ForAnUnknownOrder_And400WithoutAReason()
    {
        await using var api = await ApiHost.StartAsync();
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders", PumpRepair);

        var (missing, _) = await api.SendAsync(HttpMethod.Post, "/api/workorders/WO-26-99999/escalate", new { actor = "x", reason = "y" });
        var (invalid, problem) = await api.SendAsync(HttpMethod.Post, $"/api/workorders/{S(order, "number")}/escalate", new { actor = "dispatcher" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (missing.StatusCode, invalid.StatusCode));
        Assert.Equal(["reason"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}
