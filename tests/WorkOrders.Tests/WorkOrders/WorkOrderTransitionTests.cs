using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Roles;
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
    public async Task MakesEveryLegalMove_AndRecordsItsEvent_WithActorRoleAndNote(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        await store.AddEngineerAsync("eng-b", "plant-north", ("compressor", 3));

        foreach (var row in WorkOrderStateMachineTests.LegalMoves)
        {
            var (from, to, eventType, lands) = ((WorkOrderStatus)row[0], (WorkOrderStatus)row[1], (string)row[2], (WorkOrderStatus)row[3]);
            var number = await OrderInAsync(store, from);
            var actor = ActorFor(WorkOrderStateMachine.Find(from, to)!);

            var result = await MoveAsync(store, number, to, actor, note: $"{from} to {to}", assigneeId: AssigneeFor(from, to));

            var last = (await store.WorkOrders.GetEventsAsync(number))![^1];
            Assert.True(TransitionOutcome.Moved == result.Outcome, $"{from} -> {to}: {result.Problem}");
            Assert.Equal(lands, result.WorkOrder!.Status);
            Assert.Equal((eventType, actor.Id, $"{from} to {to}"), (last.Type, last.Actor, last.Note));
            if (eventType != WorkOrderEventTypes.Dispatched)
            {
                Assert.Equal(lands.ToString(), last.Data!.Value.GetProperty("to").GetString());
            }

            var expectedAssignee = lands == WorkOrderStatus.New ? null : to == WorkOrderStatus.Dispatched && from != WorkOrderStatus.New ? "eng-b" : from == WorkOrderStatus.New && to != WorkOrderStatus.Dispatched ? null : "eng-a";
            Assert.Equal(expectedAssignee, result.WorkOrder.AssigneeId);
            await using var db = store.CreateDbContext();
            var stored = await db.WorkOrderEvents.AsNoTracking().Where(e => e.WorkOrderId == result.WorkOrder.Id).OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal(actor.Role.ToString(), stored.ActorRole);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RefusesEveryIllegalMove_AsAConflictWithTheReason_AndChangesNothing(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var illegal = WorkOrderStateMachineTests.IllegalMoves
            .Select(row => ((WorkOrderStatus)row[0], (WorkOrderStatus)row[1]))
            .Where(move => move.Item1 != WorkOrderStatus.Rejected) // never stored: a rejection lands in New
            .GroupBy(move => move.Item1);

        foreach (var group in illegal)
        {
            var number = await OrderInAsync(store, group.Key);
            var before = await store.WorkOrders.GetAsync(number);
            var events = (await store.WorkOrders.GetEventsAsync(number))!.Count;
            foreach (var (from, to) in group)
            {
                var result = await MoveAsync(store, number, to, new Actor("root", ActorRole.Admin), note: "x", assigneeId: to == WorkOrderStatus.Dispatched ? "eng-a" : null);

                Assert.True(TransitionOutcome.Conflict == result.Outcome, $"{from} -> {to}: {result.Outcome}");
                Assert.Equal(WorkOrderStateMachine.WhyNot(from, to), result.Problem);
            }

            Assert.Equal(before, await store.WorkOrders.GetAsync(number));
            Assert.Equal(events, (await store.WorkOrders.GetEventsAsync(number))!.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForbidsARoleThatMayNotMakeTheMove_NamingTheRolesThatMay(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var number = await OrderInAsync(store, WorkOrderStatus.Dispatched);

        var customer = await MoveAsync(store, number, WorkOrderStatus.Accepted, new Actor("acme", ActorRole.Customer));
        var agent = await MoveAsync(store, number, WorkOrderStatus.New, new Actor("desk-1", ActorRole.Agent));

        Assert.Equal(
            (TransitionOutcome.Forbidden, "Only Engineer (the assignee), Admin may make the move to Accepted (accepted); Customer may not."),
            (customer.Outcome, customer.Problem));
        Assert.Equal(
            (TransitionOutcome.Forbidden, "Only Dispatcher, Planner, System, Admin may make the move to New (returned_to_queue); Agent may not."),
            (agent.Outcome, agent.Problem));
        Assert.Equal(WorkOrderStatus.Dispatched, (await store.WorkOrders.GetAsync(number))!.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LetsACustomerCancel_BeforeTheEngineerIsOnTheWay_ButNotOnceWorkHasStarted(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var early = await OrderInAsync(store, WorkOrderStatus.Accepted);
        var late = await OrderInAsync(store, WorkOrderStatus.InProgress);
        var customer = new Actor("acme-contact", ActorRole.Customer);

        var cancelledEarly = await MoveAsync(store, early, WorkOrderStatus.Cancelled, customer, note: "Fixed it ourselves.");
        var cancelledLate = await MoveAsync(store, late, WorkOrderStatus.Cancelled, customer);

        Assert.Equal((TransitionOutcome.Moved, WorkOrderStatus.Cancelled), (cancelledEarly.Outcome, cancelledEarly.WorkOrder!.Status));
        Assert.Equal(
            (TransitionOutcome.Forbidden, "Only Dispatcher, Planner, Admin may make the move to Cancelled (cancelled); Customer may not."),
            (cancelledLate.Outcome, cancelledLate.Problem));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LetsOnlyTheAssignedEngineer_AcceptOrWorkOnTheOrder(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        await store.AddEngineerAsync("eng-b", "plant-north", ("compressor", 3));
        var number = await OrderInAsync(store, WorkOrderStatus.Dispatched);

        var other = await MoveAsync(store, number, WorkOrderStatus.Accepted, new Actor("eng-b", ActorRole.Engineer));
        var assignee = await MoveAsync(store, number, WorkOrderStatus.Accepted, new Actor("eng-a", ActorRole.Engineer));
        var otherOnSite = await MoveAsync(store, number, WorkOrderStatus.OnSite, new Actor("eng-b", ActorRole.Engineer));

        Assert.Equal(
            (TransitionOutcome.Forbidden, "Only the assigned engineer (eng-a) may make the move to Accepted; eng-b is not the assignee."),
            (other.Outcome, other.Problem));
        Assert.Equal(TransitionOutcome.Moved, assignee.Outcome);
        Assert.Equal(TransitionOutcome.Forbidden, otherOnSite.Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARejection_ReturnsTheOrderToDispatch_ClearingTheAssignee_AndRecordsWhy(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var number = await OrderInAsync(store, WorkOrderStatus.Accepted);

        var withoutNote = await MoveAsync(store, number, WorkOrderStatus.Rejected, new Actor("eng-a", ActorRole.Engineer));
        var rejected = await MoveAsync(store, number, WorkOrderStatus.Rejected, new Actor("eng-a", ActorRole.Engineer), note: "No ladder for that height.");
        var redispatched = await MoveAsync(store, number, WorkOrderStatus.Dispatched, Dispatcher, assigneeId: "eng-a");

        Assert.Equal(["note is required when rejecting an order: say why, so the dispatcher can act on it."], withoutNote.Errors["note"]);
        Assert.Equal((TransitionOutcome.Moved, WorkOrderStatus.New, null), (rejected.Outcome, rejected.WorkOrder!.Status, rejected.WorkOrder.AssigneeId));
        Assert.Contains(WorkOrderStatus.Dispatched, rejected.WorkOrder.AllowedTransitions);
        var events = (await store.WorkOrders.GetEventsAsync(number))!;
        var rejection = events.Single(e => e.Type == WorkOrderEventTypes.Rejected);
        Assert.Equal(("eng-a", "No ladder for that height."), (rejection.Actor, rejection.Note));
        Assert.Equal("eng-a", rejection.Data!.Value.GetProperty("previousAssigneeId").GetString());
        Assert.Equal("New", rejection.Data!.Value.GetProperty("to").GetString());
        Assert.Equal(WorkOrderStatus.Dispatched, redispatched.WorkOrder!.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AReassignment_MovesTheOrderToAnotherEngineer_AsAnEvent(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        await store.AddEngineerAsync("eng-b", "plant-north", ("compressor", 3));
        var number = await OrderInAsync(store, WorkOrderStatus.Accepted);

        var missing = await MoveAsync(store, number, WorkOrderStatus.Dispatched, Dispatcher);
        var same = await MoveAsync(store, number, WorkOrderStatus.Dispatched, Dispatcher, assigneeId: "eng-a");
        var moved = await MoveAsync(store, number, WorkOrderStatus.Dispatched, Dispatcher, assigneeId: "eng-b");
        var oldEngineer = await MoveAsync(store, number, WorkOrderStatus.Accepted, new Actor("eng-a", ActorRole.Engineer));

        Assert.Equal(TransitionOutcome.Invalid, missing.Outcome);
        Assert.Equal("assigneeId is required to reassign a Accepted order: name the engineer who takes it over.", missing.Errors["assigneeId"].Single());
        Assert.Equal((TransitionOutcome.Conflict, $"{number} is already assigned to eng-a; name another engineer to reassign it."), (same.Outcome, same.Problem));
        Assert.Equal((WorkOrderStatus.Dispatched, "eng-b"), (moved.WorkOrder!.Status, moved.WorkOrder.AssigneeId));
        Assert.Equal(TransitionOutcome.Forbidden, oldEngineer.Outcome);
        var last = (await store.WorkOrders.GetEventsAsync(number))![^1];
        Assert.Equal((WorkOrderEventTypes.Reassigned, "Reassigned from eng-a to Engineer eng-b (eng-b)."), (last.Type, last.Note));
        Assert.Equal(("eng-a", "eng-b"), (last.Data!.Value.GetProperty("previousAssigneeId").GetString(), last.Data!.Value.GetProperty("assigneeId").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AReopening_TakesAClosedOrderBackToWork_OrBackToDispatch(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var toWork = await OrderInAsync(store, WorkOrderStatus.Closed);
        var toDispatch = await OrderInAsync(store, WorkOrderStatus.Verified);

        var engineer = await MoveAsync(store, toWork, WorkOrderStatus.InProgress, new Actor("eng-a", ActorRole.Engineer));
        var resumed = await MoveAsync(store, toWork, WorkOrderStatus.InProgress, new Actor("plan-1", ActorRole.Planner), note: "Leak is back.");
        var queued = await MoveAsync(store, toDispatch, WorkOrderStatus.New, Dispatcher, note: "Needs a specialist.");

        Assert.Equal(TransitionOutcome.Forbidden, engineer.Outcome);
        Assert.Equal((WorkOrderStatus.InProgress, "eng-a"), (resumed.WorkOrder!.Status, resumed.WorkOrder.AssigneeId));
        Assert.Equal((WorkOrderStatus.New, null), (queued.WorkOrder!.Status, queued.WorkOrder.AssigneeId));
        Assert.Equal(WorkOrderEventTypes.Reopened, (await store.WorkOrders.GetEventsAsync(toWork))![^1].Type);
        Assert.Equal(WorkOrderEventTypes.Reopened, (await store.WorkOrders.GetEventsAsync(toDispatch))![^1].Type);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task StoresWhereTheActorWas_WithTheEvent(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("compressor", 3));
        var number = await OrderInAsync(store, WorkOrderStatus.Accepted);
        store.Clock.Advance(TimeSpan.FromMinutes(42));

        var result = await store.WorkOrders.TransitionAsync(number, new WorkOrderTransitionRequest(
            "OnSite", "eng-a", "At the gate.", Role: "engineer", Latitude: 59.3293, Longitude: 18.0686, AccuracyMeters: 12.5));

        await using var db = store.CreateDbContext();
        var stored = await db.WorkOrderEvents.AsNoTracking().Where(e => e.WorkOrderId == result.WorkOrder!.Id).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(TransitionOutcome.Moved, result.Outcome);
        Assert.Equal((59.3293, 18.0686, 12.5), (stored.Latitude, stored.Longitude, stored.AccuracyMeters));
        Assert.Equal(("on_site", "Engineer", TestStore.Start.AddMinutes(42)), (stored.Type, stored.ActorRole, stored.At));
    }

    [Fact]
    public async Task RejectsAPositionOutOfRange_FieldByField()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var outOfRange = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(
            "Cancelled", "ops", Role: "Dispatcher", Latitude: 91, Longitude: -180.5, AccuracyMeters: -1));
        var half = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(
            "Cancelled", "ops", Role: "Dispatcher", Longitude: 10));
        var accuracyAlone = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(
            "Cancelled", "ops", Role: "Dispatcher", AccuracyMeters: 5));
        var notANumber = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(
            "Cancelled", "ops", Role: "Dispatcher", Latitude: double.NaN, Longitude: 0));

        Assert.Equal(TransitionOutcome.Invalid, outOfRange.Outcome);
        Assert.Equal(["latitude must be from -90 to 90 degrees; 91 is not."], outOfRange.Errors["latitude"]);
        Assert.Equal(["longitude must be from -180 to 180 degrees; -180.5 is not."], outOfRange.Errors["longitude"]);
        Assert.Equal(["accuracyMeters must be from 0 to 100000 metres; -1 is not."], outOfRange.Errors["accuracyMeters"]);
        Assert.Equal(["latitude is required when longitude is given."], half.Errors["latitude"]);
        Assert.Equal(["accuracyMeters may only be given with latitude and longitude."], accuracyAlone.Errors["accuracyMeters"]);
        Assert.Equal(["latitude must be from -90 to 90 degrees; NaN is not."], notANumber.Errors["latitude"]);
        Assert.Equal(WorkOrderStatus.New, (await store.WorkOrders.GetAsync(order.Number))!.Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LetsOnlyOneOfTwoConcurrentAccepts_Succeed(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, postgres);
        await store.AddEngineerAsync("eng-a", "plant-north", ("pump", 3));
        var order = (await store.WorkOrders.CreateAsync(new NewWorkOrder("Api", "Repair", "Seal", AssetType: "pump", Site: "plant-north"))).WorkOrder!;
        var engineer = new Actor("eng-a", ActorRole.Engineer);

        var results = await Task.WhenAll(
            Task.Run(() => MoveAsync(store, order.Number, WorkOrderStatus.Accepted, engineer)),
            Task.Run(() => MoveAsync(store, order.Number, WorkOrderStatus.Accepted, engineer)));

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
        var dispatch = new WorkOrderTransitionRequest("Dispatched", "dispatcher", Role: "Dispatcher");
        var before = await store.WorkOrders.TransitionAsync(order.Number, dispatch);
        await store.AddEngineerAsync("eng-fan", "plant-south", ("fan", 2));

        var after = await store.WorkOrders.TransitionAsync(order.Number, dispatch);

        Assert.Equal(TransitionOutcome.Conflict, before.Outcome);
        Assert.Equal("No active engineer is qualified for asset type 'fan'; the order stays New. Give assigneeId to dispatch it by hand.", before.Problem);
        Assert.Equal((TransitionOutcome.Moved, WorkOrderStatus.Dispatched, "eng-fan"), (after.Outcome, after.WorkOrder!.Status, after.WorkOrder.AssigneeId));
    }

    [Fact]
    public async Task UsesTheActorTheHostVouchesFor_OverTheOneInTheBody()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var result = await store.WorkOrders.TransitionAsync(
            order.Number, new WorkOrderTransitionRequest("Cancelled", "someone-else", Role: "Admin"), new Actor("acme-contact", ActorRole.Customer));

        var last = (await store.WorkOrders.GetEventsAsync(order.Number))![^1];
        Assert.Equal(TransitionOutcome.Moved, result.Outcome);
        Assert.Equal("acme-contact", last.Actor);
    }

    [Fact]
    public async Task ReportsNotFound_ForAnUnknownIdOrNumber()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);

        var byId = await MoveAsync(store, Guid.NewGuid().ToString(), WorkOrderStatus.Cancelled, Dispatcher);
        var byNumber = await MoveAsync(store, "WO-26-99999", WorkOrderStatus.Cancelled, Dispatcher);
        var byNonsense = await MoveAsync(store, "not-an-order", WorkOrderStatus.Cancelled, Dispatcher);

        Assert.All([byId, byNumber, byNonsense], r => Assert.Equal(TransitionOutcome.NotFound, r.Outcome));
    }

    [Fact]
    public async Task RejectsARequest_WithoutTargetActorOrRole_FieldByField()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var missing = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest(null, " "));
        var unknown = await store.WorkOrders.TransitionAsync(order.Number, new WorkOrderTransitionRequest("Done", "ops", AssigneeId: "eng-a", Role: "Boss"));

        Assert.Equal(TransitionOutcome.Invalid, missing.Outcome);
        Assert.Equal(
            ["to is required: one of New, Dispatched, Accepted, EnRoute, OnSite, InProgress, WaitingForParts, Completed, Verified, Closed, Rejected, Cancelled."],
            missing.Errors["to"]);
        Assert.Equal(["actor is required."], missing.Errors["actor"]);
        Assert.Equal(["role is required: one of Engineer, Dispatcher, Planner, Agent, Customer, System, Admin."], missing.Errors["role"]);
        Assert.StartsWith("to must be one of New, Dispatched,", unknown.Errors["to"].Single(), StringComparison.Ordinal);
        Assert.Equal(["role must be one of Engineer, Dispatcher, Planner, Agent, Customer, System, Admin; 'Boss' is not."], unknown.Errors["role"]);
    }

    [Fact]
    public async Task RejectsADispatch_ToAnUnknownEngineer()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.Sqlite);
        var order = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!;

        var result = await MoveAsync(store, order.Number, WorkOrderStatus.Dispatched, Dispatcher, assigneeId: "eng-nobody");

        Assert.Equal(TransitionOutcome.Invalid, result.Outcome);
        Assert.Equal(["assigneeId 'eng-nobody' is not an active engineer."], result.Errors["assigneeId"]);
    }

    internal static readonly Actor Dispatcher = new("dispatcher", ActorRole.Dispatcher);

    internal static Task<TransitionResult> MoveAsync(
        TestStore store, string number, WorkOrderStatus to, Actor actor, string? note = null, string? assigneeId = null) =>
        store.WorkOrders.TransitionAsync(number, new WorkOrderTransitionRequest(to.ToString(), actor.Id, note, assigneeId, actor.Role.ToString()));

    /// <summary>An actor allowed to make <paramref name="transition"/>: the assignee eng-a for an engineer's move.</summary>
    internal static Actor ActorFor(WorkOrderTransition transition) =>
        transition.Allows(ActorRole.Engineer) ? new Actor("eng-a", ActorRole.Engineer)
        : transition.Allows(ActorRole.Dispatcher) ? Dispatcher
        : new Actor("root", transition.Roles[0]);

    /// <summary>A new order (no asset type, so it opens New) walked to <paramref name="status"/>, dispatched to eng-a.</summary>
    internal static async Task<string> OrderInAsync(TestStore store, WorkOrderStatus status)
    {
        var number = (await store.WorkOrders.CreateAsync(Consultation)).WorkOrder!.Number;
        foreach (var step in PathTo(status))
        {
            var transition = WorkOrderStateMachine.Find((await store.WorkOrders.GetAsync(number))!.Status, step)!;
            var result = await MoveAsync(store, number, step, ActorFor(transition), assigneeId: step == WorkOrderStatus.Dispatched ? "eng-a" : null);
            Assert.True(result.Outcome == TransitionOutcome.Moved, $"walking to {status}, {step}: {result.Problem}");
        }

        return number;
    }

    private static string? AssigneeFor(WorkOrderStatus from, WorkOrderStatus to) =>
        to != WorkOrderStatus.Dispatched ? null : from == WorkOrderStatus.New ? "eng-a" : "eng-b";

    private static WorkOrderStatus[] PathTo(WorkOrderStatus status)
    {
        WorkOrderStatus[] work = [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.OnSite, WorkOrderStatus.InProgress];
        return status switch
        {
            WorkOrderStatus.New => [],
            WorkOrderStatus.Cancelled => [WorkOrderStatus.Cancelled],
            WorkOrderStatus.Dispatched => [WorkOrderStatus.Dispatched],
            WorkOrderStatus.Accepted => [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted],
            WorkOrderStatus.EnRoute => [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.EnRoute],
            WorkOrderStatus.OnSite => work[..3],
            WorkOrderStatus.InProgress => work,
            WorkOrderStatus.WaitingForParts => [.. work, WorkOrderStatus.WaitingForParts],
            WorkOrderStatus.Completed => [.. work, WorkOrderStatus.Completed],
            WorkOrderStatus.Verified => [.. work, WorkOrderStatus.Completed, WorkOrderStatus.Verified],
            WorkOrderStatus.Closed => [.. work, WorkOrderStatus.Completed, WorkOrderStatus.Verified, WorkOrderStatus.Closed],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a stored status."),
        };
    }
}
