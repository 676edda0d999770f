using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Maintenance.Sla;
using WorkOrders.Maintenance.Timers;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Sla;

/// <summary>
/// A store whose Medium orders run on the seeded office-hours calendar (Mon–Fri 08:00–17:00 Stockholm, UTC+1 in
/// March), with a ladder of eng-lead and eng-boss, and a pump engineer who takes the orders. The store's clock
/// starts on Saturday 14 March 2026, so every clock starts on Monday 16 March at 07:00 UTC.
/// </summary>
internal static class SlaScenario
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 16, 0, 0, 0, TimeSpan.Zero);

    public static readonly NewWorkOrder PumpRepair = new("Phone", "Repair", "Pump leaks", AssetType: "pump", Site: "plant-north");

    public static async Task ArrangeAsync(
        TestStore store, TimeSpan response, TimeSpan arrival, TimeSpan resolution, TimeSpan? stallAfter = null)
    {
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        await store.AddEngineerAsync("eng-lead", "hq", ("fan", 1));
        await store.AddEngineerAsync("eng-boss", "hq", ("fan", 1));
        var admin = store.Services.GetRequiredService<SlaAdministration>();
        Saved(await admin.SaveLadderAsync(
            "default", new("Pump team", "eng-lead", "eng-boss", TimeSpan.FromHours(1), TimeSpan.FromHours(2))));
        Saved(await admin.SavePolicyAsync("standard-medium", new(
            "Medium", null, response, arrival, resolution, SlaSeed.OfficeHoursCalendarId, ["WaitingForParts"], 0.75, stallAfter, null)));
    }

    /// <summary>Sets the clock, runs the scheduler twice (the second run must find nothing), returns the SLA events written.</summary>
    public static async Task<List<string>> RunAtAsync(TestStore store, string number, DateTimeOffset at)
    {
        var before = await SlaEventsAsync(store, number);
        store.Clock.SetUtcNow(at);
        var scheduler = store.Services.GetRequiredService<DurableTimerScheduler>();
        await scheduler.RunDueAsync();
        Assert.Equal(0, await scheduler.RunDueAsync());
        return [.. (await SlaEventsAsync(store, number)).Skip(before.Count).Order(StringComparer.Ordinal)];
    }

    /// <summary>The order's SLA events as <c>type target level → who</c>, e.g. <c>escalated L2 → team-lead:eng-lead</c>.</summary>
    public static async Task<List<string>> SlaEventsAsync(TestStore store, string number)
    {
        var events = await store.WorkOrders.GetEventsAsync(number) ?? throw new InvalidOperationException($"No order {number}.");
        return [.. events.Where(e => e.Type is SlaEventTypes.Warning or SlaEventTypes.Breached or SlaEventTypes.Escalated).Select(Describe)];
    }

    public static Task<TransitionResult> MoveAsync(TestStore store, string number, WorkOrderStatus to) =>
        store.WorkOrders.TransitionAsync(number, new WorkOrderTransitionRequest(to.ToString(), "eng-a", Role: "Admin"));

    private static string Describe(WorkOrderEventView e)
    {
        var data = e.Data!.Value;
        var who = string.Join(",", data.GetProperty("notify").EnumerateArray().Select(n =>
            $"{n.GetProperty("role").GetString()}:{(n.TryGetProperty("engineerId", out var id) ? id.GetString() : "?")}"));
        return e.Type == SlaEventTypes.Escalated
            ? $"escalated L{data.GetProperty("escalationLevel").GetInt32()} → {who}"
            : $"{e.Type} {data.GetProperty("target").GetString()} → {who}";
    }

    private static void Saved<T>(SlaSaveResult<T> result)
        where T : class =>
        Assert.True(result.Value is not null, $"{result.Conflict} {JsonSerializer.Serialize(result.Errors)}");
}
