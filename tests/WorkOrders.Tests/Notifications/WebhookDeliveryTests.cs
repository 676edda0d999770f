using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.Notifications.Webhooks;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;
using static WorkOrders.WorkOrders.Tests.Notifications.NotificationTestKit;

namespace WorkOrders.WorkOrders.Tests.Notifications;

[Collection(DatabaseCollection.Name)]
public sealed class WebhookDeliveryTests(PostgresServer postgres)
{
    private const string Secret = "a-long-shared-secret-0123456789";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Notifications:Webhooks:BaseDelay"] = "00:00:10",
        ["Notifications:Webhooks:MaxDelay"] = "00:10:00",
        ["Notifications:Webhooks:JitterFraction"] = "0",
        ["Notifications:Webhooks:MaxAttempts"] = "3",
    };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RetriesWithBackoffUntilTheReceiverAccepts_SignedTheDocumentedWay_AndLogsEveryAttempt(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres, Settings);
        await using var receiver = await WebhookReceiver.StartAsync(failures: 2);
        var subscriptions = store.Services.GetRequiredService<WebhookSubscriptions>();
        var relay = store.Services.GetRequiredService<OutboxRelay>();
        await relay.PumpAsync();
        var subscription = (await subscriptions.CreateAsync(new(receiver.Url, Secret, ["opened"]))).Subscription!;
        var order = await OpenAsync(store);
        await relay.PumpAsync();
        var start = store.Clock.GetUtcNow();

        var attempts = new List<int> { await Dispatcher(store).DispatchDueAsync() };
        attempts.Add(await Dispatcher(store).DispatchDueAsync());
        store.Clock.Advance(TimeSpan.FromSeconds(10));
        attempts.Add(await Dispatcher(store).DispatchDueAsync());
        store.Clock.Advance(TimeSpan.FromSeconds(19));
        attempts.Add(await Dispatcher(store).DispatchDueAsync());
        // A new dispatcher (as after a restart) finds the persisted schedule.
        store.Clock.Advance(TimeSpan.FromSeconds(1));
        attempts.Add(await Dispatcher(store).DispatchDueAsync());
        store.Clock.Advance(TimeSpan.FromHours(1));
        attempts.Add(await Dispatcher(store).DispatchDueAsync());
        var log = await subscriptions.DeliveriesAsync(subscription.Id, 100);

        Assert.Equal([1, 0, 1, 0, 1, 0], attempts);
        var received = receiver.Received.ToList();
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.All(received, r => Assert.True(SignatureVerifies(Secret, r), "the signature must verify"));
        using var body = JsonDocument.Parse(received[0].Body);
        Assert.Equal(("opened", order.Number), (body.RootElement.GetProperty("type").GetString(), body.RootElement.GetProperty("number").GetString()));
        var deliveryId = body.RootElement.GetProperty("deliveryId").GetInt64();
        Assert.All(received, r => Assert.Equal(deliveryId.ToString(CultureInfo.InvariantCulture), r.Headers["X-WorkOrders-Delivery"]));
        Assert.NotNull(log);
        Assert.Equal([3, 2, 1], log.Select(a => a.Attempt));
        Assert.Equal([200, 503, 503], log.Select(a => a.StatusCode ?? 0));
        Assert.Equal([null, start.AddSeconds(30), start.AddSeconds(10)], log.Select(a => a.NextAttemptAt));
        Assert.All(log, a => Assert.Equal((WebhookDeliveryStatus.Delivered, deliveryId), (a.DeliveryStatus, a.EventId)));
        Assert.Equal("HTTP 503 Service Unavailable", log[1].Error);
    }

    [Fact]
    public async Task GivesUpAfterMaxAttempts_AndMarksTheDeliveryDead()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite, settings: Settings);
        await using var receiver = await WebhookReceiver.StartAsync(failures: int.MaxValue);
        var subscriptions = store.Services.GetRequiredService<WebhookSubscriptions>();
        var relay = store.Services.GetRequiredService<OutboxRelay>();
        await relay.PumpAsync();
        var subscription = (await subscriptions.CreateAsync(new(receiver.Url, Secret, ["opened"]))).Subscription!;
        await OpenAsync(store);
        await relay.PumpAsync();

        var attempted = 0;
        for (var minute = 0; minute < 10; minute++)
        {
            attempted += await Dispatcher(store).DispatchDueAsync();
            store.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var log = await subscriptions.DeliveriesAsync(subscription.Id, 100);
        Assert.Equal(3, attempted);
        Assert.Equal(3, receiver.Received.Count);
        Assert.NotNull(log);
        Assert.All(log, a => Assert.Equal(WebhookDeliveryStatus.Dead, a.DeliveryStatus));
        Assert.Null(log[0].NextAttemptAt);
        Assert.Equal(3, log[0].Attempt);
    }

    [Fact]
    public async Task DeliversOnlyTheEventTypesASubscriptionAsksFor_AndNothingToInactiveOnes()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite, settings: Settings);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var subscriptions = store.Services.GetRequiredService<WebhookSubscriptions>();
        var relay = store.Services.GetRequiredService<OutboxRelay>();
        await relay.PumpAsync();
        var dispatchedOnly = (await subscriptions.CreateAsync(new("http://127.0.0.1:9/a", Secret, ["dispatched"]))).Subscription!;
        var everything = (await subscriptions.CreateAsync(new("http://127.0.0.1:9/b", Secret))).Subscription!;
        var inactive = (await subscriptions.CreateAsync(new("http://127.0.0.1:9/c", Secret, Active: false))).Subscription!;
        await OpenAsync(store);

        await relay.PumpAsync();
        await relay.PumpAsync();

        await using var db = store.CreateDbContext();
        var deliveries = db.WebhookDeliveries.Select(d => new { d.SubscriptionId, d.EventType }).ToList();
        Assert.Equal(["dispatched"], deliveries.Where(d => d.SubscriptionId == dispatchedOnly.Id).Select(d => d.EventType));
        Assert.Equal(["dispatched", "opened"], deliveries.Where(d => d.SubscriptionId == everything.Id).Select(d => d.EventType).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(deliveries, d => d.SubscriptionId == inactive.Id);
    }

    /// <summary>The receiver's check from docs/notifications.md, written independently of the sender's code.</summary>
    private static bool SignatureVerifies(string secret, ReceivedWebhook webhook)
    {
        var timestamp = webhook.Headers["X-WorkOrders-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + webhook.Body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(webhook.Headers["X-WorkOrders-Signature"]));
    }

    private static WebhookDispatcher Dispatcher(TestStore store) => ActivatorUtilities.CreateInstance<WebhookDispatcher>(store.Services);
}
