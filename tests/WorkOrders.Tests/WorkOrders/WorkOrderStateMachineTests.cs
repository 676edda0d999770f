using WorkOrders.Maintenance.Roles;
using WorkOrders.Maintenance.WorkOrders;
using static WorkOrders.Maintenance.Roles.ActorRole;
using static WorkOrders.Maintenance.WorkOrders.WorkOrderStatus;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

public sealed class WorkOrderStateMachineTests
{
    private static readonly ActorRole[] DispatchRoles = [Dispatcher, Planner, ActorRole.System, Admin];
    private static readonly ActorRole[] FieldRoles = [Engineer, Admin];
    private static readonly ActorRole[] OfficeRoles = [Dispatcher, Planner, Admin];
    private static readonly ActorRole[] EarlyCancelRoles = [Dispatcher, Planner, Agent, Customer, ActorRole.System, Admin];

    /// <summary>
    /// The whole table, written out: requested move, the event it records, the status it lands in, who may make it.
    /// A change to the machine must change this test too.
    /// </summary>
    public static TheoryData<WorkOrderStatus, WorkOrderStatus, string, WorkOrderStatus, ActorRole[]> LegalMoves => new()
    {
        { New, Dispatched, "dispatched", Dispatched, DispatchRoles },
        { New, Cancelled, "cancelled", Cancelled, EarlyCancelRoles },
        { Dispatched, Accepted, "accepted", Accepted, FieldRoles },
        { Dispatched, Dispatched, "reassigned", Dispatched, DispatchRoles },
        { Dispatched, Rejected, "rejected", New, FieldRoles },
        { Dispatched, New, "returned_to_queue", New, DispatchRoles },
        { Dispatched, Cancelled, "cancelled", Cancelled, EarlyCancelRoles },
        { Accepted, Dispatched, "reassigned", Dispatched, DispatchRoles },
        { Accepted, Rejected, "rejected", New, FieldRoles },
        { Accepted, New, "returned_to_queue", New, DispatchRoles },
        { Accepted, EnRoute, "en_route", EnRoute, FieldRoles },
        { Accepted, OnSite, "on_site", OnSite, FieldRoles },
        { Accepted, Cancelled, "cancelled", Cancelled, EarlyCancelRoles },
        { EnRoute, OnSite, "on_site", OnSite, FieldRoles },
        { EnRoute, Cancelled, "cancelled", Cancelled, OfficeRoles },
        { OnSite, InProgress, "in_progress", InProgress, FieldRoles },
        { OnSite, Cancelled, "cancelled", Cancelled, OfficeRoles },
        { InProgress, WaitingForParts, "waiting_for_parts", WaitingForParts, FieldRoles },
        { InProgress, Completed, "completed", Completed, FieldRoles },
        { InProgress, Cancelled, "cancelled", Cancelled, OfficeRoles },
        { WaitingForParts, InProgress, "in_progress", InProgress, FieldRoles },
        { WaitingForParts, Cancelled, "cancelled", Cancelled, OfficeRoles },
        { Completed, Verified, "verified", Verified, [Dispatcher, Planner, Agent, Customer, Admin] },
        { Completed, InProgress, "reopened", InProgress, OfficeRoles },
        { Completed, New, "reopened", New, OfficeRoles },
        { Verified, Closed, "closed", Closed, DispatchRoles },
        { Verified, InProgress, "reopened", InProgress, OfficeRoles },
        { Verified, New, "reopened", New, OfficeRoles },
        { Closed, InProgress, "reopened", InProgress, OfficeRoles },
        { Closed, New, "reopened", New, OfficeRoles },
    };

    public static TheoryData<WorkOrderStatus, WorkOrderStatus> IllegalMoves
    {
        get
        {
            var legal = LegalMoves.Select(row => ((WorkOrderStatus)row[0], (WorkOrderStatus)row[1])).ToHashSet();
            var data = new TheoryData<WorkOrderStatus, WorkOrderStatus>();
            foreach (var from in Enum.GetValues<WorkOrderStatus>())
            {
                foreach (var to in Enum.GetValues<WorkOrderStatus>().Where(to => !legal.Contains((from, to))))
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void AllowsTheMove_FromTheTable_ToTheRolesOfTheTable(
        WorkOrderStatus from, WorkOrderStatus to, string eventType, WorkOrderStatus lands, ActorRole[] roles)
    {
        var transition = WorkOrderStateMachine.Find(from, to);

        Assert.NotNull(transition);
        Assert.True(WorkOrderStateMachine.CanMove(from, to));
        Assert.Null(WorkOrderStateMachine.WhyNot(from, to));
        Assert.Equal((eventType, lands), (transition.EventType, transition.Lands));
        Assert.Equal(roles.Order(), Enum.GetValues<ActorRole>().Where(transition.Allows).Order());
        Assert.Contains(to, WorkOrderStateMachine.AllowedFrom(from));
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void RefusesEveryMove_OutsideTheTable(WorkOrderStatus from, WorkOrderStatus to)
    {
        Assert.False(WorkOrderStateMachine.CanMove(from, to));
        Assert.Null(WorkOrderStateMachine.Find(from, to));
        Assert.NotNull(WorkOrderStateMachine.WhyNot(from, to));
        Assert.DoesNotContain(to, WorkOrderStateMachine.AllowedFrom(from));
    }

    [Theory]
    [InlineData(New, Completed, "A work order cannot move from New to Completed; from New it can move to Dispatched, Cancelled.")]
    [InlineData(New, Rejected, "A work order cannot move from New to Rejected; from New it can move to Dispatched, Cancelled.")]
    [InlineData(Cancelled, New, "The work order is Cancelled, which is final; it cannot move to New.")]
    [InlineData(Rejected, Dispatched, "The work order is Rejected, which is final; it cannot move to Dispatched.")]
    [InlineData(OnSite, Closed, "A work order cannot move from OnSite to Closed; from OnSite it can move to InProgress, Cancelled.")]
    [InlineData(Completed, Cancelled, "A work order cannot move from Completed to Cancelled; from Completed it can move to Verified, InProgress, New.")]
    [InlineData(Closed, Dispatched, "A work order cannot move from Closed to Dispatched; from Closed it can move to InProgress, New.")]
    [InlineData(InProgress, InProgress, "The work order is already InProgress.")]
    [InlineData(EnRoute, InProgress, "A work order cannot move from EnRoute to InProgress; from EnRoute it can move to OnSite, Cancelled.")]
    public void RejectsAnIllegalMove_WithAReasonAPersonCanActOn(WorkOrderStatus from, WorkOrderStatus to, string reason)
    {
        Assert.False(WorkOrderStateMachine.CanMove(from, to));
        Assert.Equal(reason, WorkOrderStateMachine.WhyNot(from, to));
    }

    [Theory]
    [InlineData(Rejected)]
    [InlineData(Cancelled)]
    public void FinalStatuses_AllowNoMoves(WorkOrderStatus status)
    {
        Assert.True(WorkOrderStateMachine.IsFinal(status));
        Assert.Empty(WorkOrderStateMachine.AllowedFrom(status));
    }

    [Fact]
    public void ARejection_IsNotFinal_ItSendsTheOrderBackToDispatch()
    {
        var rejection = WorkOrderStateMachine.Find(Accepted, Rejected)!;

        Assert.Equal(New, rejection.Lands);
        Assert.False(WorkOrderStateMachine.IsFinal(rejection.Lands));
        Assert.DoesNotContain(WorkOrderStateMachine.Transitions, t => t.Lands == Rejected);
    }

    [Fact]
    public void EveryStatusButRejected_IsReachableFromNew()
    {
        var reached = new HashSet<WorkOrderStatus> { New };
        var frontier = new Queue<WorkOrderStatus>(reached);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in WorkOrderStateMachine.Transitions.Where(t => t.From.Contains(status)).Select(t => t.Lands).Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }

        Assert.Equal(Enum.GetValues<WorkOrderStatus>().Where(s => s != Rejected).Order(), reached.Order());
    }

    [Fact]
    public void ForbidsARole_NamingTheRolesThatMay()
    {
        var accept = WorkOrderStateMachine.Find(Dispatched, Accepted)!;
        var close = WorkOrderStateMachine.Find(Verified, Closed)!;

        Assert.Equal(
            "Only Engineer (the assignee), Admin may make the move to Accepted (accepted); Dispatcher may not.",
            accept.WhyForbidden(new Actor("ops", Dispatcher), "eng-a"));
        Assert.Equal(
            "Only Dispatcher, Planner, System, Admin may make the move to Closed (closed); Customer may not.",
            close.WhyForbidden(new Actor("acme", Customer), "eng-a"));
        Assert.Null(close.WhyForbidden(new Actor("ops", Dispatcher), "eng-a"));
    }

    [Fact]
    public void LetsOnlyTheAssignee_MakeAnEngineersMove()
    {
        var accept = WorkOrderStateMachine.Find(Dispatched, Accepted)!;

        Assert.Null(accept.WhyForbidden(new Actor("eng-a", Engineer), "eng-a"));
        Assert.Equal(
            "Only the assigned engineer (eng-a) may make the move to Accepted; eng-b is not the assignee.",
            accept.WhyForbidden(new Actor("eng-b", Engineer), "eng-a"));
        Assert.Null(accept.WhyForbidden(new Actor("root", Admin), "eng-a"));
    }
}
