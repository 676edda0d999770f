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
        Assert.Equal(
            "Engineer eng-free (eng-free) is qualified for pump at level 3; works at plant-north, the order's site; "
            + "holds 0 open order(s), the fewest among 3 candidates.",
            events[1].Note);
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

    [Fact]
    public void PrefersTheOrdersSite_OverALighterLoadElsewhere()
    {
        var decision = EngineerAssignment.Decide("pump", "plant-north",
        [
            new("far", "Far", "plant-south", SameSite: false, OpenWorkOrders: 0, SkillLevel: 5),
            new("near", "Near", "plant-north", SameSite: true, OpenWorkOrders: 3, SkillLevel: 1),
        ]);

        Assert.Equal("near", decision.Chosen!.EngineerId);
    }

    [Fact]
    public void BreaksALoadTie_WithTheHigherSkillLevel_AndSaysSo()
    {
        var decision = EngineerAssignment.Decide("fan", "plant-south",
        [
            new("junior", "Junior", "plant-south", true, 1, 2),
            new("senior", "Senior", "plant-south", true, 1, 5),
            new("busy", "Busy", "plant-south", true, 2, 5),
        ]);

        Assert.Equal("senior", decision.Chosen!.EngineerId);
        Assert.Equal(
            "Senior (senior) is qualified for fan at level 5; works at plant-south, the order's site; "
            + "holds 1 open order(s), the fewest among 3 candidates; level 5 is the highest of the 2 equally loaded.",
            decision.Reason);
    }

    [Fact]
    public void BreaksAFullTie_ByEngineerId_SoTheChoiceIsRepeatable()
    {
        var decision = EngineerAssignment.Decide("motor", "plant-north",
        [
            new("eng-b", "B", "plant-north", true, 0, 3),
            new("eng-a", "A", "plant-north", true, 0, 3),
        ]);

        Assert.Equal("eng-a", decision.Chosen!.EngineerId);
    }

    [Fact]
    public void ConsidersOtherSites_WhenNobodyQualifiedWorksAtTheOrdersSite()
    {
        var decision = EngineerAssignment.Decide("compressor", "plant-east",
        [
            new("eng-s", "South", "plant-south", false, 2, 3),
            new("eng-n", "North", "plant-north", false, 1, 3),
        ]);

        Assert.Equal("eng-n", decision.Chosen!.EngineerId);
        Assert.Contains("no qualified engineer works at plant-east", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoosesNobody_WhenTheOrderNamesNoAssetType()
    {
        var decision = EngineerAssignment.Decide(null, "plant-north", []);

        Assert.Null(decision.Chosen);
        Assert.Equal("The order names no asset type, so no engineer can be matched to it; it stays New.", decision.Reason);
    }
}
