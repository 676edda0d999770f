using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.WorkOrders.Tests.WorkOrders;

public sealed class WorkOrderStateMachineTests
{
    /// <summary>The whole table, written out: a change to the machine must change this test too.</summary>
    public static TheoryData<WorkOrderStatus, WorkOrderStatus> LegalMoves => new()
    {
        { WorkOrderStatus.New, WorkOrderStatus.Dispatched },
        { WorkOrderStatus.New, WorkOrderStatus.Rejected },
        { WorkOrderStatus.New, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted },
        { WorkOrderStatus.Dispatched, WorkOrderStatus.New },
        { WorkOrderStatus.Dispatched, WorkOrderStatus.Rejected },
        { WorkOrderStatus.Dispatched, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.Accepted, WorkOrderStatus.EnRoute },
        { WorkOrderStatus.Accepted, WorkOrderStatus.OnSite },
        { WorkOrderStatus.Accepted, WorkOrderStatus.New },
        { WorkOrderStatus.Accepted, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.EnRoute, WorkOrderStatus.OnSite },
        { WorkOrderStatus.EnRoute, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.OnSite, WorkOrderStatus.InProgress },
        { WorkOrderStatus.OnSite, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.InProgress, WorkOrderStatus.WaitingForParts },
        { WorkOrderStatus.InProgress, WorkOrderStatus.Completed },
        { WorkOrderStatus.InProgress, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.WaitingForParts, WorkOrderStatus.InProgress },
        { WorkOrderStatus.WaitingForParts, WorkOrderStatus.Cancelled },
        { WorkOrderStatus.Completed, WorkOrderStatus.Verified },
        { WorkOrderStatus.Completed, WorkOrderStatus.InProgress },
        { WorkOrderStatus.Verified, WorkOrderStatus.Closed },
    };

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void AllowsTheMove_FromTheTable(WorkOrderStatus from, WorkOrderStatus to)
    {
        Assert.True(WorkOrderStateMachine.CanMove(from, to));
        Assert.Null(WorkOrderStateMachine.WhyNot(from, to));
    }

    [Fact]
    public void AllowsNoMove_OutsideTheTable()
    {
        var legal = LegalMoves.Select(row => ((WorkOrderStatus)row[0], (WorkOrderStatus)row[1])).ToHashSet();

        var allowed = Enum.GetValues<WorkOrderStatus>()
            .SelectMany(from => Enum.GetValues<WorkOrderStatus>().Select(to => (from, to)))
            .Where(move => WorkOrderStateMachine.CanMove(move.from, move.to))
            .ToHashSet();

        Assert.Equal(legal.Order(), allowed.Order());
    }

    [Theory]
    [InlineData(WorkOrderStatus.New, WorkOrderStatus.Completed, "A work order cannot move from New to Completed; from New it can move to Dispatched, Rejected, Cancelled.")]
    [InlineData(WorkOrderStatus.Closed, WorkOrderStatus.Dispatched, "The work order is Closed, which is final; it cannot move to Dispatched.")]
    [InlineData(WorkOrderStatus.Cancelled, WorkOrderStatus.New, "The work order is Cancelled, which is final; it cannot move to New.")]
    [InlineData(WorkOrderStatus.Rejected, WorkOrderStatus.Dispatched, "The work order is Rejected, which is final; it cannot move to Dispatched.")]
    [InlineData(WorkOrderStatus.OnSite, WorkOrderStatus.Closed, "A work order cannot move from OnSite to Closed; from OnSite it can move to InProgress, Cancelled.")]
    [InlineData(WorkOrderStatus.Completed, WorkOrderStatus.Cancelled, "A work order cannot move from Completed to Cancelled; from Completed it can move to Verified, InProgress.")]
    [InlineData(WorkOrderStatus.InProgress, WorkOrderStatus.InProgress, "The work order is already InProgress.")]
    [InlineData(WorkOrderStatus.EnRoute, WorkOrderStatus.InProgress, "A work order cannot move from EnRoute to InProgress; from EnRoute it can move to OnSite, Cancelled.")]
    public void RejectsAnIllegalMove_WithAReasonAPersonCanActOn(WorkOrderStatus from, WorkOrderStatus to, string reason)
    {
        Assert.False(WorkOrderStateMachine.CanMove(from, to));
        Assert.Equal(reason, WorkOrderStateMachine.WhyNot(from, to));
    }

    [Theory]
    [InlineData(WorkOrderStatus.Closed)]
    [InlineData(WorkOrderStatus.Rejected)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void FinalStatuses_AllowNoMoves(WorkOrderStatus status)
    {
        Assert.True(WorkOrderStateMachine.IsFinal(status));
        Assert.Empty(WorkOrderStateMachine.AllowedFrom(status));
    }

    [Fact]
    public void EveryStatus_IsReachableFromNew()
    {
        var reached = new HashSet<WorkOrderStatus> { WorkOrderStatus.New };
        var frontier = new Queue<WorkOrderStatus>(reached);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in WorkOrderStateMachine.AllowedFrom(status).Where(reached.Add))
            {
                frontier.Enqueue(next);
            }
        }

        Assert.Equal(Enum.GetValues<WorkOrderStatus>().Order(), reached.Order());
    }
}
