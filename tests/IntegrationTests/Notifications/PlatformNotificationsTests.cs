using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkOrders.IntegrationTests.Api;
using WorkOrders.IntegrationTests.Support;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Notifications;

/// <summary>The platform host's own background loops: an order opened over HTTP reaches a subscribed webhook, signed.</summary>
[Collection(BrokerCollection.Name)]
public sealed class PlatformNotificationsTests(MosquittoServer broker)
{
    private const string Secret = "integration-secret-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnOrderOpenedOverHttp_ReachesTheSubscribedWebhook_ThroughTheHostedRelayAndDispatcher()
    {
        var received = new ConcurrentQueue<(string Timestamp, string Signature, string Body)>();
        await using var receiver = await StartReceiverAsync(received);
        await using var api = new ApiFactory(broker, new Dictionary<string, string>
        {
            ["Notifications:Relay:PollInterval"] = "00:00:00.100",
            ["Notifications:Webhooks:PollInterval"] = "00:00:00.100",
        });
        using var http = api.CreateClient();
        using var subscribed = await http.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, secret = Secret, eventTypes = new[] { "opened" } });
        await Eventually.AssertAsync(async () =>
        {
            await using var db = api.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext();
            return await db.NotificationCursors.AnyAsync(c => c.Channel == "webhooks");
        }, Patience, "the relay's first pass to create the webhooks cursor");

        using var created = await http.PostAsJsonAsync("/api/workorders", new { source = "Api", category = "Consultation", title = "Question", site = "plant-north" });
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        await Eventually.AssertAsync(() => Task.FromResult(!received.IsEmpty), Patience, "the webhook POST for the opened order");

        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var (timestamp, signature, body) = Assert.Single(received);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        Assert.Equal(expected, signature);
        using var payload = JsonDocument.Parse(body);
        Assert.Equal(("opened", number), (payload.RootElement.GetProperty("type").GetString(), payload.RootElement.GetProperty("number").GetString()));
    }

    private static async Task<Receiver> StartReceiverAsync(ConcurrentQueue<(string, string, string)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue((request.Headers["X-WorkOrders-Timestamp"].ToString(), request.Headers["X-WorkOrders-Signature"].ToString(), await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Receiver(app, $"{address}/hook");
    }

    private sealed class Receiver(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
