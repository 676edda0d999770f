using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Maintenance.Outcomes;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Outcomes;

[Collection(DatabaseCollection.Name)]
public sealed class OutcomeServiceTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RecordsTheOutcome_WithTheOrdersDeviceEpisodeWindowAndModelVersion(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var number = await CompletedPredictiveOrderAsync(store, "pump-17/episode/1", "pump-v2");
        store.Clock.Advance(TimeSpan.FromHours(5));

        var result = await Outcomes(store).RecordAsync(number, new OutcomeRequest("Confirmed", " bearing wear ", "outer race pitted", "eng-a"));

        Assert.Equal(OutcomeStatus.Recorded, result.Status);
        var outcome = result.Outcome!;
        Assert.Equal(
            ("pump-17", "pump", "pump-v2", "confirmed", "bearing wear", "outer race pitted", "eng-a"),
            (outcome.DeviceId, outcome.AssetType, outcome.ModelVersion, outcome.Finding, outcome.FailureMode, outcome.Note, outcome.RecordedBy));
        Assert.Equal((TestStore.Start.AddMinutes(-3), TestStore.Start.AddHours(5)), (outcome.EpisodeStart, outcome.EpisodeEnd));
        Assert.Equal(outcome, await Outcomes(store).FindAsync(number));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReportsPrecisionPerModelVersion_FromConfirmedAndNoFaultFoundOutcomes(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var outcomes = Outcomes(store);
        string[] findings = ["confirmed", "no-fault-found", "confirmed", "confirmed"];
        for (var i = 0; i < findings.Length; i++)
        {
            var number = await CompletedPredictiveOrderAsync(store, $"pump-17/episode/{i}", "pump-v1");
            await outcomes.RecordAsync(number, new OutcomeRequest(findings[i], findings[i] == "confirmed" ? "bearing wear" : null));
        }

        var v2 = await CompletedPredictiveOrderAsync(store, "pump-17/episode/9", "pump-v2");
        await outcomes.RecordAsync(v2, new OutcomeRequest("confirmed", "seal leak"));
        await outcomes.RecordAsync(v2, new OutcomeRequest("no-fault-found")); // a PUT replaces the earlier finding

        var all = await outcomes.PrecisionAsync("pump");
        var one = await outcomes.PrecisionAsync(modelVersion: "pump-v1");

        Assert.Equal([new ModelPrecision("pump-v1", 3, 1, 0.75), new ModelPrecision("pump-v2", 0, 1, 0.0)], all);
        Assert.Equal([new ModelPrecision("pump-v1", 3, 1, 0.75)], one);
        Assert.Empty(await outcomes.PrecisionAsync("fan"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RejectsAnInvalidOutcome_WithAMessagePerField(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var number = await CompletedPredictiveOrderAsync(store, "pump-17/episode/1", "pump-v1");

        var unknown = await Outcomes(store).RecordAsync(number, new OutcomeRequest("broken", Note: new string('x', 4001)));
        var noMode = await Outcomes(store).RecordAsync(number, new OutcomeRequest("confirmed"));
        var modeWithoutFault = await Outcomes(store).RecordAsync(number, new OutcomeRequest("no-fault-found", "bearing wear"));

        Assert.Equal(OutcomeStatus.Invalid, unknown.Status);
        Assert.Equal(["finding", "note"], unknown.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("finding must be confirmed or no-fault-found; 'broken' is not.", unknown.Errors["finding"][0]);
        Assert.Equal(["failureMode is required."], noMode.Errors["failureMode"]);
        Assert.Equal(["failureMode is only given when the finding is confirmed."], modeWithoutFault.Errors["failureMode"]);
        Assert.Null(await Outcomes(store).FindAsync(number));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RefusesAnOutcome_ForAnOrderNotYetCompleted_OrNotOpenedByAPrediction(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var open = await store.WorkOrders.OpenPredictiveAsync(Request("pump-17/episode/1", "pump-v1"));
        var manual = await store.WorkOrders.CreateAsync(new NewWorkOrder("Phone", "Repair", "Leak", AssetType: "pump", Site: "plant-north"));

        var early = await Outcomes(store).RecordAsync(open.Number, new OutcomeRequest("no-fault-found"));
        var notPredictive = await Outcomes(store).RecordAsync(manual.WorkOrder!.Number, new OutcomeRequest("no-fault-found"));
        var missing = await Outcomes(store).RecordAsync("WO-26-09999", new OutcomeRequest("no-fault-found"));

        Assert.Equal((OutcomeStatus.Conflict, $"{open.Number} is Dispatched; record the outcome when the work is done (Completed, Verified or Closed)."),
            (early.Status, early.Problem));
        Assert.Equal(OutcomeStatus.Conflict, notPredictive.Status);
        Assert.Equal(OutcomeStatus.NotFound, missing.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ListsTheLabelledWindowsOfAnAssetType_ThatOverlapATrainingRange(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var number = await CompletedPredictiveOrderAsync(store, "pump-17/episode/1", "pump-v1");
        await Outcomes(store).RecordAsync(number, new OutcomeRequest("no-fault-found"));

        var inside = await Outcomes(store).LabelsAsync("pump", TestStore.Start.AddDays(-1), TestStore.Start.AddDays(1));
        var before = await Outcomes(store).LabelsAsync("pump", TestStore.Start.AddDays(-3), TestStore.Start.AddDays(-1));

        Assert.Equal([number], inside.Select(o => o.WorkOrderNumber));
        Assert.Empty(before);
    }

    internal static PredictiveWorkOrderRequest Request(string key, string modelVersion) => new(
        key, "pump-17", "pump", "plant-north", "Bearing wear on pump-17", "vibration 6σ", 0.95,
        TestStore.Start.AddMinutes(-3), null, modelVersion);

    /// <summary>Opens a predictive order and walks it to Completed, as the engineer's app would.</summary>
    internal static async Task<string> CompletedPredictiveOrderAsync(TestStore store, string key, string modelVersion)
    {
        if (await store.Engineers.FindAsync("eng-a") is null)
        {
            await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        }

        var opened = await store.WorkOrders.OpenPredictiveAsync(Request(key, modelVersion));
        foreach (var to in new[] { "Accepted", "OnSite", "InProgress", "Completed" })
        {
            var moved = await store.WorkOrders.TransitionAsync(opened.Number, new WorkOrderTransitionRequest(to, "eng-a", Role: "Admin"));
            Assert.Equal(TransitionOutcome.Moved, moved.Outcome);
        }

        return opened.Number;
    }

    private static OutcomeService Outcomes(TestStore store) => store.Services.GetRequiredService<OutcomeService>();
}
