using WorkOrders.EdgeAgent.Outbox;

namespace WorkOrders.EdgeAgent.Tests.Outbox;

public sealed class SeqRangesTests
{
    [Fact]
    public void MergesTwoAscendingStreams_IntoTheFloor()
    {
        var ranges = new SeqRanges(0, []);

        ranges.AddRange(50, 50);
        ranges.AddRange(51, 51);
        ranges.AddRange(1, 1);
        ranges.AddRange(2, 49);

        Assert.Equal(51, ranges.Floor);
        Assert.Empty(ranges.Ranges);
    }

    [Fact]
    public void CountsWithin_IncludingTheFloor()
    {
        var ranges = new SeqRanges(10, [(20, 29), (40, 40)]);

        Assert.Equal(5 + 10 + 1, ranges.CountWithin(6, 45));
        Assert.True(ranges.Contains(25));
        Assert.False(ranges.Contains(30));
    }

    [Fact]
    public void RaisingTheFloor_ClipsAndAbsorbsRanges()
    {
        var ranges = new SeqRanges(0, [(5, 9), (12, 20)]);

        ranges.RaiseFloor(7);

        Assert.Equal(9, ranges.Floor);
        Assert.Equal([(12L, 20L)], ranges.Ranges);
    }
}
