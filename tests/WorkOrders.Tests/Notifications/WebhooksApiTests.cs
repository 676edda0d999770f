using System.Net;
using WorkOrders.WorkOrders.Tests.Api;

namespace WorkOrders.WorkOrders.Tests.Notifications;

public sealed class WebhooksApiTests
{
    [Fact]
    public async Task CreateListUpdateDelete_AndTheSecretIsNeverReturned()
    {
        await using var api = await ApiHost.StartAsync(withNotifications: true);

        var (created, subscription) = await api.SendAsync(HttpMethod.Post, "/api/webhooks",
            new { url = "https://erp.example/hooks", secret = "0123456789abcdef-secret", eventTypes = new[] { "escalated", "dispatched" } });
        var id = subscription.GetProperty("id").GetString();
        var (updated, changed) = await api.SendAsync(HttpMethod.Put, $"/api/webhooks/{id}",
            new { url = "https://erp.example/v2/hooks", eventTypes = Array.Empty<string>(), active = false });
        var (_, list) = await api.SendAsync(HttpMethod.Get, "/api/webhooks");
        var (log, entries) = await api.SendAsync(HttpMethod.Get, $"/api/webhooks/{id}/deliveries");
        var (deleted, _) = await api.SendAsync(HttpMethod.Delete, $"/api/webhooks/{id}");
        var (gone, problem) = await api.SendAsync(HttpMethod.Get, $"/api/webhooks/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(["escalated", "dispatched"], subscription.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("secret", subscription.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(("https://erp.example/v2/hooks", false, 0),
            (changed.GetProperty("url").GetString(), changed.GetProperty("active").GetBoolean(), changed.GetProperty("eventTypes").GetArrayLength()));
        Assert.Equal([id], list.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal((HttpStatusCode.OK, 0), (log.StatusCode, entries.GetArrayLength()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(id!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Returns400_WithAMessagePerField()
    {
        await using var api = await ApiHost.StartAsync(withNotifications: true);

        var (response, problem) = await api.SendAsync(HttpMethod.Post, "/api/webhooks",
            new { url = "ftp://erp.example/hooks", secret = "short", eventTypes = new[] { "a,b" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["eventTypes", "secret", "url"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("url must be an absolute http or https URL.", errors.GetProperty("url")[0].GetString());
        Assert.Equal("secret must be at least 16 characters.", errors.GetProperty("secret")[0].GetString());
    }
}
