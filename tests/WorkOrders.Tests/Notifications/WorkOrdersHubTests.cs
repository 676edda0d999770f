using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Api.Notifications;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Api;

namespace WorkOrders.WorkOrders.Tests.Notifications;

public sealed class WorkOrdersHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AClientInTheOrdersGroup_ReceivesTheTransition_AsACompactRecord()
    {
        await using var api = await ApiHost.StartAsync(withNotifications: true);
        var relay = api.Services.GetRequiredService<OutboxRelay>();
        await relay.PumpAsync();
        var (_, order) = await api.SendAsync(HttpMethod.Post, "/api/workorders",
            new { source = "Phone", category = "Repair", title = "Pump leaking", assetType = "pump", site = "plant-north" });
        var number = order.GetProperty("number").GetString()!;
        var engineer = order.GetProperty("assigneeId").GetString()!;
        await relay.PumpAsync();
        await using var orderWatcher = await ConnectAsync(api, "JoinOrder", number.ToLowerInvariant());
        await using var engineerWatcher = await ConnectAsync(api, "JoinEngineer", engineer);
        await using var otherSite = await ConnectAsync(api, "JoinSite", "plant-south");

        await api.SendAsync(HttpMethod.Post, $"/api/workorders/{number}/transitions", new { to = "Accepted", actor = engineer, role = "Engineer", note = "On my way" });
        await relay.PumpAsync();

        await Eventually.AssertAsync(() => Task.FromResult(!orderWatcher.Updates.IsEmpty && !engineerWatcher.Updates.IsEmpty), Patience,
            "the accepted event to reach the order's and the engineer's group");
        var update = Assert.Single(orderWatcher.Updates.DistinctBy(u => u.EventId));
        Assert.Equal((number, "accepted", WorkOrderStatus.Accepted, "On my way"), (update.Number, update.Type, update.Status, update.Note));
        Assert.Equal(order.GetProperty("id").GetGuid(), update.OrderId);
        Assert.Equal(TestStoreStart, update.At);
        Assert.Equal(update, Assert.Single(engineerWatcher.Updates.DistinctBy(u => u.EventId)));
        Assert.Empty(otherSite.Updates);
    }

    private static readonly DateTimeOffset TestStoreStart = Infrastructure.TestStore.Start;

    private static async Task<Watcher> ConnectAsync(ApiHost api, string join, string key)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(api.Client.BaseAddress!, WorkOrdersHub.Path)).Build();
        var watcher = new Watcher(connection);
        connection.On<WorkOrderUpdate>(WorkOrdersHub.EventMethod, watcher.Updates.Enqueue);
        await connection.StartAsync();
        await connection.InvokeAsync(join, key);
        return watcher;
    }

    private sealed class Watcher(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<WorkOrderUpdate> Updates { get; } = new();

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
