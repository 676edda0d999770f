using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;
using WorkOrders.Testing;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

[Collection(DatabaseCollection.Name)]
public sealed class WorkOrderTransitionTests(PostgresServer postgres)
{
    // No asset type: nobody is assigned on open, so the order starts New.
    private static readonly NewWorkOrder Consultation = new("Phone", "Consultation", "Which oil for the compressors?", Site: "plant-north");

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MakesEveryLegalMove_AndRecordsItsEvent(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var moves = WorkOrderStateMachineTests.LegalMoves.Select(row => ((WorkOrderStatus)row[0], (WorkOrderStatus)row[1])).ToList();

        foreach (var (from, to) in moves)
        {
            var number = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!.Number;
            foreach (var step in PathFromNew(from))
            {
                Assert.Equal(TransitionOutcome.Moved, (await MoveAsync(store, number, step)).Outcome);
            }

            var result = await MoveAsync(store, number, to, note: $"{from} to {to}");

            var last = (await store.WorkOrders.GetEventsAsync(number))![^1];
            Assert.Equal(TransitionOutcome.Moved, result.Outcome);
            Assert.Equal(to, result.WorkOrder!.Status);
            Assert.Equal(WorkOrderEventTypes.ForStatus(to), last.Type);
            Assert.Equal(("dispatcher", $"{from} to {to}"), (last.Actor, last.Note));
            var assigned = to != WorkOrderStatus.New && (from != WorkOrderStatus.New || to == WorkOrderStatus.Dispatched);
            Assert.Equal(assigned ? "eng-a" : null, result.WorkOrder.AssigneeId);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RejectsAnIllegalMove_AsAConflictWithTheReason_AndChangesNothing(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var result = await MoveAsync(store, order.Number, WorkOrderStatus.Completed);

        Assert.Equal(TransitionOutcome.Conflict, result.Outcome);
        Assert.Equal("A work order cannot move from New to Completed; from New it can move to Dispatched, Rejected, Cancelled.", result.Problem);
        Assert.Equal(order, await store.WorkOrders.GetAsync(order.Number));
        Assert.Equal(2, (await store.WorkOrders.GetEventsAsync(order.Number))!.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LetsOnlyOneOfTwoConcurrentAccepts_Succeed(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var order = (await store.WorkOrders.CreateAsync(new NewWorkOrder("Api", "Repair", "Seal", AssetType: "pump", Site: "plant-north"))).WorkOrder!;

        var results = await Task.WhenAll(
            Task.Run(() => MoveAsync(store, order.Number, WorkOrderStatus.Accepted)),
            Task.Run(() => MoveAsync(store, order.Number, WorkOrderStatus.Accepted)));

        Assert.Single(results, r => r.Outcome == TransitionOutcome.Moved);
        Assert.Single(results, r => r.Outcome == TransitionOutcome.Conflict && r.Problem == "The work order is already Accepted.");
        await using var db = store.CreateDbContext();
        Assert.Equal(1, await db.WorkOrderEvents.CountAsync(e => e.WorkOrderId == order.Id && e.Type == WorkOrderEventTypes.Accepted));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MovingToDispatched_WithoutAnAssignee_RunsTheAssignment(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        var order = (await store.WorkOrders.CreateAsync(new NewWorkOrder("Web", "Inspection", "Yearly check", AssetType: "fan", Site: "plant-south"))).WorkOrder!;
        var dispatch = new WorkOrderTransitionRequest("Dispatched", "dispatcher");
        var before = await store.WorkOrders.TransitionAsync(order.Number, dispatch);
        await store.AddEngineerAsync("eng-fan", "plant-south", ("fan", 2));

        var after = await store.WorkOrders.TransitionAsync(order.Number, dispatch);

        Assert.Equal(TransitionOutcome.Conflict, before.Outcome);
        Assert.Equal("No active engineer is qualified for asset type 'fan'; the order stays New. Give assigneeId to dispatch it by hand.", before.Problem);
        Assert.Equal((TransitionOutcome.Moved, WorkOrderStatus.Dispatched, "eng-fan"), (after.Outcome, after.WorkOrder!.Status, after.WorkOrder.AssigneeId));
    }

    [Fact]
    public async Task ReportsNotFound_ForAnUnknownIdOrNumber()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var byId = await MoveAsync(store, Guid.NewGuid().ToString(), WorkOrderStatus.Cancelled);
        var byNumber = await MoveAsync(store, "WO-26-99999", WorkOrderStatus.Cancelled);
        var byNonsense = await MoveAsync(store, "not-an-order", WorkOrderStatus.Cancelled);

        Assert.All([byId, byNumber, byNonsense], r => Assert.Equal(TransitionOutcome.NotFound, r.Outcome));
    }

    [Fact]
    public async Task RejectsARequest_WithoutTargetOrActor_FieldByField()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var missing = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(null, " "));
        var unknown = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest("Done", "ops", AssigneeId: "eng-a"));

        Assert.Equal(TransitionOutcome.Invalid, missing.Outcome);
        Assert.Equal(
            ["to is required: one of New, Dispatched, Accepted, EnRoute, OnSite, InProgress, WaitingForParts, Completed, Verified, Closed, Rejected, Cancelled."],
            missing.Errors["to"]);
        Assert.Equal(["actor is required."], missing.Errors["actor"]);
        Assert.StartsWith("to must be one of New, Dispatched,", unknown.Errors["to"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsADispatch_ToAnUnknownEngineer()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var result = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest("Dispatched", "ops", AssigneeId: "eng-nobody"));

        Assert.Equal(TransitionOutcome.Invalid, result.Outcome);
        Assert.Equal(["assigneeId 'eng-nobody' is not an active engineer."], result.Errors["assigneeId"]);
    }

    private static Task<TransitionResult> MoveAsync(TestStore store, string number, WorkOrderStatus to, string? note = null) =>
        store.WorkOrders.TransitionAsync(number, new WorkOrderTransitionRequest(
            to.ToString(), "dispatcher", note, to == WorkOrderStatus.Dispatched ? "eng-a" : null));

    /// <summary>The shortest run of legal moves from New to <paramref name="target"/>, always via Dispatched first.</summary>
    private static List<WorkOrderStatus> PathFromNew(WorkOrderStatus target)
    {
        var previous = new Dictionary<WorkOrderStatus, WorkOrderStatus>();
        var frontier = new Queue<WorkOrderStatus>([WorkOrderStatus.New]);
        while (frontier.TryDequeue(out var status) && status != target)
        {
            foreach (var next in WorkOrderStateMachine.AllowedFrom(status))
            {
                if (next != WorkOrderStatus.New && previous.TryAdd(next, status))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        var path = new List<WorkOrderStatus>();
        for (var status = target; status != WorkOrderStatus.New; status = previous[status])
        {
            path.Insert(0, status);
        }

        return path;
    }
}
