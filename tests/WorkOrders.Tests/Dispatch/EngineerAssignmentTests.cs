using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Dispatch;

[Collection(DatabaseCollection.Name)]
public sealed class EngineerAssignmentTests(PostgresServer postgres)
{
    private static readonly NewWorkOrder PumpRepair =
        new("Phone", "Repair", "Pump leaking at the seal", AssetType: "pump", Site: "plant-north");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AssignsTheQualifiedLeastLoadedEngineerAtTheSite_AndRecordsWhy(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-busy-expert", "plant-north", ("pump", 5));
        await store.AddLoadAsync("eng-busy-expert", 2);
        await store.AddEngineerAsync("eng-free", "plant-north", ("pump", 3));
        await store.AddEngineerAsync("eng-loaded", "plant-north", ("pump", 4));
        await store.AddLoadAsync("eng-loaded", 1);
        await store.AddEngineerAsync("eng-motor-only", "plant-north", ("motor", 5));
        await store.AddEngineerAsync("eng-other-site", "plant-south", ("pump", 5));
        await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-inactive", "Gone Fishing", "plant-north", [new EngineerSkillView("pump", 5)], Active: false));

        var created = await store.WorkOrders.CreateAsync(PumpRepair);

        var order = created.WorkOrder!;
        var events = (await store.WorkOrders.GetEventsAsync(order.Number))!;
        Assert.Equal((WorkOrderStatus.Dispatched, "eng-free"), (order.Status, order.AssigneeId));
        Assert.Equal([WorkOrderEventTypes.Opened, WorkOrderEventTypes.Dispatched], events.Select(e => e.Type));
        Assert.StartsWith("Engineer eng-free (eng-free) scored 23.0, the best of 4 eligible engineer(s): ", events[1].Note, StringComparison.Ordinal);
        Assert.Contains("same_site +20.0 (works from plant-north, the order's site)", events[1].Note, StringComparison.Ordinal);
        Assert.Contains("workload 0.0 (holds 0 open order(s))", events[1].Note, StringComparison.Ordinal);
        Assert.EndsWith("Filtered out: eng-inactive: active, inactive.", events[1].Note, StringComparison.Ordinal);
        var considered = events[1].Data!.Value.GetProperty("candidates").EnumerateArray()
            .Select(c => c.GetProperty("engineerId").GetString()).ToList();
        Assert.Equal(["eng-free", "eng-loaded", "eng-busy-expert", "eng-other-site"], considered);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LeavesTheOrderNew_AndSaysWhy_WhenNoActiveEngineerIsQualified(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-motor", "plant-north", ("motor", 5));
        await store.Engineers.RegisterAsync(new EngineerRegistration(
            "eng-inactive", "Gone Fishing", "plant-north", [new EngineerSkillView("pump", 5)], Active: false));

        var created = await store.WorkOrders.CreateAsync(PumpRepair);

        var order = created.WorkOrder!;
        var events = (await store.WorkOrders.GetEventsAsync(order.Id.ToString()))!;
        Assert.Equal((WorkOrderStatus.New, null), (order.Status, order.AssigneeId));
        Assert.Equal([WorkOrderEventTypes.Opened, WorkOrderEventTypes.NotDispatched], events.Select(e => e.Type));
        Assert.Equal("No active engineer is qualified for asset type 'pump'; the order stays New.", events[1].Note);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SpreadsConsecutiveOrders_AcrossEquallySkilledEngineers(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-1", "plant-north", ("pump", 4));
        await store.AddEngineerAsync("eng-2", "plant-north", ("pump", 4));

        var assignees = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            assignees.Add((await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!.AssigneeId);
        }

        Assert.Equal(["eng-1", "eng-2", "eng-1", "eng-2"], assignees);
    }
}
