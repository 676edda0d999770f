using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Notifications;

/// <summary>Relays over a <see cref="TestStore"/> and orders that produce events.</summary>
internal static class NotificationTestKit
{
    public static OutboxRelay Relay(TestStore store, INotificationChannel channel, int batchSize = 4) => new(
        store.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>(),
        [channel],
        Options.Create(new NotificationRelayOptions { BatchSize = batchSize, LeaseDuration = TimeSpan.FromSeconds(30) }),
        store.Services.GetRequiredService<NotificationMetrics>(),
        store.Clock,
        NullLogger<OutboxRelay>.Instance);

    /// <summary>Opens a pump repair at plant-north (opened + dispatched when an engineer qualifies).</summary>
    public static async Task<WorkOrderView> OpenAsync(TestStore store, string title = "Pump leaking")
    {
        var result = await store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "Repair", title, AssetType: "pump", Site: "plant-north"));
        return result.WorkOrder ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }

    public static async Task<IReadOnlyList<long>> EventIdsAsync(TestStore store)
    {
        await using var db = store.CreateDbContext();
        return await db.WorkOrderEvents.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    /// <summary>Pumps until a pass hands nothing over; returns the number of passes that delivered.</summary>
    public static async Task<int> DrainAsync(OutboxRelay relay)
    {
        var passes = 0;
        while (await relay.PumpAsync() > 0)
        {
            passes++;
        }

        return passes;
    }
}
