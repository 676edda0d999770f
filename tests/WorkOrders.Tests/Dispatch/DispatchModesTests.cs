using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Dispatch;

[Collection(DatabaseCollection.Name)]
public sealed class DispatchModesTests(PostgresServer postgres)
{
    private static readonly NewWorkOrder PumpRepair =
        new("Phone", "Repair", "Pump leaking at the seal", AssetType: "pump", Site: "plant-north");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SuggestedMode_StoresTheTopThree_AndConfirmDispatchesOnlyOneOfThem(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var dispatch = store.Services.GetRequiredService<DispatchService>();
        await store.Services.GetRequiredService<DispatchSettingsService>().PutCategoryAsync("Repair", new("Suggested"));
        for (var i = 1; i <= 4; i++)
        {
            await store.AddEngineerAsync($"eng-{i}", "plant-north", ("pump", i));
        }

        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;
        var record = await dispatch.GetAsync(order.Number);
        var outsider = await dispatch.ConfirmAsync(order.Number, new("eng-1", "dispatcher"));
        var confirmed = await dispatch.ConfirmAsync(order.Number, new("eng-3", "dispatcher"));
        var again = await dispatch.ConfirmAsync(order.Number, new("eng-4", "dispatcher"));

        Assert.Equal((WorkOrderStatus.New, null), (order.Status, order.AssigneeId));
        Assert.Equal((DispatchMode.Suggested, DispatchEventTypes.Suggested), (record!.Mode, record.Decision!.Type));
        Assert.Equal(["eng-4", "eng-3", "eng-2"],
            record.Decision.Data!.Value.GetProperty("suggestions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(DispatchOutcome.Conflict, outsider.Outcome);
        Assert.Equal("eng-1 is not among the suggestions for " + order.Number + " (eng-4, eng-3, eng-2); use the override with a reason instead.", outsider.Problem);
        Assert.Equal((DispatchOutcome.Done, WorkOrderStatus.Dispatched, "eng-3"), (confirmed.Outcome, confirmed.WorkOrder!.Status, confirmed.WorkOrder.AssigneeId));
        Assert.Equal(DispatchOutcome.Conflict, again.Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PredictiveOrders_AreDispatchedAutomatically_EvenWhenTheirCategoryIsSuggested(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.Services.GetRequiredService<DispatchSettingsService>().PutCategoryAsync("PreventiveMaintenance", new("Suggested"));
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));

        var opened = await store.WorkOrders.OpenPredictiveAsync(new PredictiveWorkOrderRequest(
            "pump-1/episode/1", "pump-1", "pump", "plant-north", "Bearing wear", "vibration high", 0.8, TestStore.Start, null));

        Assert.Equal("eng-a", opened.AssigneeId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoolMode_ManyConcurrentClaims_GiveExactlyOneWinner(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var dispatch = store.Services.GetRequiredService<DispatchService>();
        await store.Services.GetRequiredService<DispatchSettingsService>().PutCategoryAsync("Repair", new("OpenPool"));
        var claimants = Enumerable.Range(1, 20).Select(i => $"eng-{i:00}").ToList();
        foreach (var id in claimants)
        {
            await store.AddEngineerAsync(id, "plant-north", ("pump", 3));
        }

        await store.AddEngineerAsync("eng-motors", "plant-north", ("motor", 3));
        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;
        var pool = await dispatch.PoolAsync("eng-07");
        var notEligible = await dispatch.PoolAsync("eng-motors");

        var results = await Task.WhenAll(claimants.Select(id => Task.Run(() => dispatch.ClaimAsync(order.Number, new PoolClaim(id)))));

        Assert.Equal(WorkOrderStatus.New, order.Status);
        Assert.Equal([order.Number], pool!.Select(o => o.Number));
        Assert.Empty(notEligible!);
        var winners = results.Where(r => r.Outcome == DispatchOutcome.Done).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => r.Outcome != DispatchOutcome.Done), r => Assert.Equal(DispatchOutcome.Conflict, r.Outcome));
        var stored = (await store.WorkOrders.GetAsync(order.Number))!;
        Assert.Equal((WorkOrderStatus.Dispatched, winners[0].WorkOrder!.AssigneeId), (stored.Status, stored.AssigneeId));
        var events = (await store.WorkOrders.GetEventsAsync(order.Number))!;
        Assert.Equal([WorkOrderEventTypes.Opened, DispatchEventTypes.PoolOpened, WorkOrderEventTypes.Dispatched], events.Select(e => e.Type));
        Assert.Empty((await dispatch.PoolAsync("eng-07"))!);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnOverride_DispatchesAnyActiveEngineer_AndRecordsTheReasonAndTheRuleBypassed(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var dispatch = store.Services.GetRequiredService<DispatchService>();
        await store.AddEngineerAsync("eng-pump", "plant-north", ("pump", 3));
        await store.AddEngineerAsync("eng-motor", "plant-north", ("motor", 5));
        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;

        var missingReason = await dispatch.OverrideAsync(order.Number, new("eng-motor", null, "dispatcher"));
        var overridden = await dispatch.OverrideAsync(order.Number, new("eng-motor", "Customer asked for Motor Mo", "dispatcher"));

        Assert.Equal("eng-pump", order.AssigneeId);
        Assert.Equal(["reason is required."], missingReason.Errors["reason"]);
        Assert.Equal((DispatchOutcome.Done, "eng-motor"), (overridden.Outcome, overridden.WorkOrder!.AssigneeId));
        var record = (await dispatch.GetAsync(order.Number))!;
        Assert.Equal(
            "Dispatched by dispatcher to Engineer eng-motor (eng-motor), overriding the automatic choice: Customer asked for Motor Mo (rule bypassed: skill, no skill for pump)",
            record.Decision!.Note);
        Assert.Equal("override", record.Decision.Data!.Value.GetProperty("how").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDispatchRules_ReadCertificatesRegionsAndSites_FromTheStore(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var settings = store.Services.GetRequiredService<DispatchSettingsService>();
        await settings.PutAssetTypeAsync("pump", new("pump", 2, "pressure"));
        await settings.PutSiteAsync("plant-north", new("plant-north", "stockholm", 59.3350, 18.0600));
        await Register(store, "eng-expired", "stockholm", new EngineerCertificationView("pressure", TestStore.Start.AddDays(-1)));
        await Register(store, "eng-west", "gothenburg", new EngineerCertificationView("pressure", null));
        await Register(store, "eng-ok", "stockholm", new EngineerCertificationView("pressure", TestStore.Start.AddDays(100)));

        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;
        var preview = (await store.Services.GetRequiredService<DispatchService>().PreviewAsync(order.Number))!;

        Assert.Equal("eng-ok", order.AssigneeId);
        Assert.Equal([("eng-expired", "certification"), ("eng-west", "region")], preview.Decision.Excluded.Select(e => (e.EngineerId, e.Rule)));
        Assert.InRange(preview.Decision.Candidates[0].DistanceKm!.Value, 0.05, 0.3);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheFirstTimeFixRate_ComesFromCompletedOrdersHistory(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        await store.AddEngineerAsync("eng-b", "plant-north", ("pump", 3));
        await CompleteAsync(store, "eng-a", waitForParts: true);
        await CompleteAsync(store, "eng-b", waitForParts: false);
        await CompleteAsync(store, "eng-b", waitForParts: false);

        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;
        var preview = (await store.Services.GetRequiredService<DispatchService>().PreviewAsync(order.Number))!;

        var details = preview.Decision.Candidates.ToDictionary(c => c.EngineerId, c => c.Parts.Single(p => p.Factor == "first_time_fix").Detail);
        Assert.Equal("0 of 1 pump job(s) fixed first time, rate 0.33", details["eng-a"]);
        Assert.Equal("2 of 2 pump job(s) fixed first time, rate 0.75", details["eng-b"]);
    }

    private static async Task CompleteAsync(TestStore store, string engineerId, bool waitForParts)
    {
        var order = (await store.WorkOrders.CreateAsync(PumpRepair)).WorkOrder!;
        await store.Services.GetRequiredService<DispatchService>().OverrideAsync(order.Number, new(engineerId, "history", "test"));
        string[] steps = waitForParts
            ? ["Accepted", "OnSite", "InProgress", "WaitingForParts", "InProgress", "Completed"]
            : ["Accepted", "OnSite", "InProgress", "Completed"];
        foreach (var step in steps)
        {
            var moved = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(step, engineerId, Role: "Engineer"));
            Assert.Equal(TransitionOutcome.Moved, moved.Outcome);
        }
    }

    private static async Task Register(TestStore store, string id, string region, EngineerCertificationView certificate)
    {
        var result = await store.Engineers.RegisterAsync(new EngineerRegistration(
            id, id, "plant-north", [new EngineerSkillView("pump", 3)], Region: region, HomeLatitude: 59.3360, HomeLongitude: 18.0610,
            Certifications: [certificate]));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }
}
