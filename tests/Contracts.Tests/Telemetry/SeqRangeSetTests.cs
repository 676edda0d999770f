using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Contracts.Tests.Telemetry;

public sealed class SeqRangeSetTests
{
    [Fact]
    public void KeepsOneRange_WhenSeqsArriveInOrder()
    {
        var set = new SeqRangeSet();

        var added = Enumerable.Range(1, 100).Select(seq => set.Add(seq)).ToList();

        Assert.All(added, Assert.True);
        Assert.Equal([new SeqRange(1, 100)], set.Ranges);
        Assert.Equal(100, set.Highest);
    }

    [Fact]
    public void KeepsGapsOpen_UntilOutOfOrderSeqsFillThem()
    {
        var set = new SeqRangeSet();
        foreach (var seq in new long[] { 1, 2, 3, 7, 8, 5 })
        {
            set.Add(seq);
        }

        Assert.Equal([new SeqRange(1, 3), new SeqRange(5, 5), new SeqRange(7, 8)], set.Ranges);
        Assert.False(set.Contains(4));
        Assert.False(set.Contains(6));

        Assert.True(set.Add(4));
        Assert.Equal([new SeqRange(1, 5), new SeqRange(7, 8)], set.Ranges);

        Assert.True(set.Add(6));
        Assert.Equal([new SeqRange(1, 8)], set.Ranges);
    }

    [Fact]
    public void ExtendsTheNextRangeDownwards_WhenASeqJustBelowItArrives()
    {
        var set = new SeqRangeSet();
        set.Add(10);
        set.Add(11);

        var added = set.Add(9);

        Assert.True(added);
        Assert.Equal([new SeqRange(9, 11)], set.Ranges);
    }

    [Fact]
    public void ReturnsFalseAndChangesNothing_WhenASeqIsSeenAgain()
    {
        var set = new SeqRangeSet();
        foreach (var seq in new long[] { 1, 2, 3, 10 })
        {
            set.Add(seq);
        }

        var duplicates = new long[] { 1, 2, 3, 10 }.Select(set.Add).ToList();

        Assert.Equal([false, false, false, false], duplicates);
        Assert.Equal([new SeqRange(1, 3), new SeqRange(10, 10)], set.Ranges);
        Assert.Equal(10, set.Highest);
    }

    [Fact]
    public void ForgetsTheOldestRange_WhenMoreThanMaxRangesWouldBeKept_AndNeverCallsAnUnseenSeqSeen()
    {
        var set = new SeqRangeSet();
        var evenSeqs = Enumerable.Range(0, SeqRangeSet.MaxRanges).Select(i => 2L * i).ToList();
        foreach (var seq in evenSeqs)
        {
            set.Add(seq);
        }

        Assert.Equal(SeqRangeSet.MaxRanges, set.Ranges.Count);

        var added = set.Add(2L * SeqRangeSet.MaxRanges);

        Assert.True(added);
        Assert.Equal(SeqRangeSet.MaxRanges, set.Ranges.Count);
        Assert.Equal(new SeqRange(2, 2), set.Ranges[0]);
        Assert.Equal(new SeqRange(4, 4), set.Ranges[1]);
        Assert.Equal(new SeqRange(2L * SeqRangeSet.MaxRanges, 2L * SeqRangeSet.MaxRanges), set.Ranges[^1]);
        Assert.False(set.Contains(0));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(3));
    }

    [Fact]
    public void SortsRangesRestoredFromStorage()
    {
        var set = new SeqRangeSet([new SeqRange(20, 25), new SeqRange(1, 10)]);

        var addedInGap = set.Add(15);

        Assert.True(addedInGap);
        Assert.Equal([new SeqRange(1, 10), new SeqRange(15, 15), new SeqRange(20, 25)], set.Ranges);
        Assert.True(set.Contains(7));
        Assert.Equal(25, set.Highest);
    }

    [Fact]
    public void HasNoHighest_WhenEmpty()
    {
        var set = new SeqRangeSet();

        Assert.Null(set.Highest);
        Assert.False(set.Contains(0));
        Assert.Empty(set.Ranges);
    }
}
