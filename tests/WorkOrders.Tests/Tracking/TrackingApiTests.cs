using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Tracking;
using WorkOrders.WorkOrders.Tests.Api;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using WorkOrders.WorkOrders.Tests.Notifications;

namespace WorkOrders.WorkOrders.Tests.Tracking;

public sealed class TrackingApiTests
{
    [Fact]
    public async Task TheProgressLink_ShowsOnlyNumberStateEtaAndLastUpdate()
    {
        await using var api = await ApiHost.StartAsync(withNotifications: true);
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders",
            new { source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north", priority = "High" });
        var token = await TokenAsync(api, order.GetProperty("number").GetString()!);

        var (response, view) = await api.SendAsync(HttpMethod.Get, $"/api/track/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["eta", "lastUpdatedAt", "number", "state"], view.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(order.GetProperty("number").GetString(), view.GetProperty("number").GetString());
        Assert.Equal("Engineer assigned", view.GetProperty("state").GetString());
        Assert.Equal(order.GetProperty("responseDueAt").GetDateTimeOffset(), view.GetProperty("eta").GetDateTimeOffset());
        Assert.Equal(TestStore.Start, view.GetProperty("lastUpdatedAt").GetDateTimeOffset());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task TheEta_IsGone_OnceTheEngineerIsOnSite()
    {
        await using var api = await ApiHost.StartAsync(withNotifications: true);
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders",
            new { source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north" });
        var number = order.GetProperty("number").GetString()!;
        var token = await TokenAsync(api, number);
        foreach (var to in new[] { "Accepted", "EnRoute", "OnSite" })
        {
            await api.SendAsync(HttpMethod.Post, $"/api/workorders/{number}/transitions", new { to, actor = "eng-anna", role = "Engineer" });
        }

        var (_, view) = await api.SendAsync(HttpMethod.Get, $"/api/track/{token}");

        Assert.Equal("Work in progress", view.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("eta").ValueKind);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("WO-26-00001")]
    public async Task AnUnknownToken_Is404_ThatRevealsNothing(string token)
    {
        await using var api = await ApiHost.StartAsync(withNotifications: true);
        await api.SendAsync(HttpMethod.Post, "/api/workorders",
            new { source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north" });

        var (response, problem) = await api.SendAsync(HttpMethod.Get, $"/api/track/{token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("This link does not match an order.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("WO-", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_AreUrlSafe_256Bits_AndDistinct()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => TrackingTokens.New()).ToList();

        Assert.All(tokens, t => Assert.True(TrackingTokens.LooksValid(t), t));
        Assert.All(tokens, t => Assert.Equal(32, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "=").Length));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task<string> TokenAsync(ApiHost api, string number)
    {
        await using var db = api.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext();
        return await db.WorkOrders.Where(w => w.Number == number).Select(w => w.TrackingToken!).SingleAsync();
    }
}
