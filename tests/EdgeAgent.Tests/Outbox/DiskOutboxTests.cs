namespace WorkOrders.EdgeAgent.Tests.Outbox;

public sealed class DiskOutboxTests
{
    [Fact]
    public void GivesEachSampleTheNextSeq_AndKeepsItUntilAcknowledged()
    {
        using var fixture = new OutboxFixture();

        var seqs = fixture.AppendMany(5);
        fixture.Outbox.Acknowledge([1, 2]);

        Assert.Equal([1, 2, 3, 4, 5], seqs);
        Assert.Equal([3, 4, 5], fixture.PendingSeqs());
        Assert.Equal(3, fixture.Outbox.Statistics.Depth);
    }

    [Fact]
    public void ReadsBackWhatWasWritten()
    {
        using var fixture = new OutboxFixture();
        var ts = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        fixture.Outbox.Append(ts, new Dictionary<string, double> { ["current_a"] = 12.5, ["vibration_rms_g"] = 0.031 });
        var record = Assert.Single(fixture.Outbox.ReadPending(0, long.MaxValue, 10));

        Assert.Equal(1, record.Seq);
        Assert.Equal(ts, record.Timestamp);
        Assert.Equal(12.5, record.Readings["current_a"]);
        Assert.Equal(0.031, record.Readings["vibration_rms_g"]);
    }

    [Fact]
    public void ReadPending_HonoursTheWindowAndTheLimit()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(20);

        var page = fixture.Outbox.ReadPending(afterSeq: 4, upToSeq: 12, max: 5);

        Assert.Equal([5, 6, 7, 8, 9], page.Select(r => r.Seq));
        Assert.Equal([10, 11, 12], fixture.PendingSeqs(9, 12));
    }

    [Fact]
    public void AfterARestart_AcknowledgedSamplesStayDone_AndSeqContinues()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(10);
        fixture.Outbox.Acknowledge([6, 7, 8, 9, 10]);
        fixture.Outbox.Acknowledge([1, 2]);

        var reopened = fixture.Reopen();
        var next = reopened.Append(DateTimeOffset.UnixEpoch, OutboxFixture.Readings(0));

        Assert.Equal([3, 4, 5, 11], fixture.PendingSeqs());
        Assert.Equal(11, next.Seq);
        Assert.Equal(4, reopened.Statistics.Depth);
    }

    [Fact]
    public void DeletesSegments_OnceEverySampleInThemIsAcknowledged()
    {
        using var fixture = new OutboxFixture(segmentBytes: 1024);
        var seqs = fixture.AppendMany(60);
        var segmentsBefore = fixture.Segments.Length;

        fixture.Outbox.Acknowledge(seqs);

        Assert.True(segmentsBefore > 3, $"{segmentsBefore} segments");
        Assert.Single(fixture.Segments);
        Assert.Equal(0, fixture.Outbox.Statistics.Depth);
    }

    [Fact]
    public void SeqContinues_EvenWhenEverySegmentWasDeleted()
    {
        using var fixture = new OutboxFixture(segmentBytes: 1024);
        fixture.Outbox.Acknowledge(fixture.AppendMany(60));
        foreach (var segment in fixture.Segments)
        {
            File.Delete(segment);
        }

        var next = fixture.Reopen().Append(DateTimeOffset.UnixEpoch, OutboxFixture.Readings(0));

        Assert.Equal(61, next.Seq);
    }

    [Fact]
    public void WhenFull_DropsTheOldestFirst_CountsAndSaysSo()
    {
        using var fixture = new OutboxFixture(maxBytes: 4096, segmentBytes: 1024);

        fixture.AppendMany(200);
        var pending = fixture.PendingSeqs();
        var stats = fixture.Outbox.Statistics;

        Assert.True(stats.Bytes <= 4096, $"{stats.Bytes} bytes on disk");
        Assert.Equal(200, pending[^1]);
        Assert.Equal(Enumerable.Range((int)pending[0], pending.Count).Select(i => (long)i), pending);
        Assert.Equal(pending[0] - 1, stats.DroppedWhenFull);
        Assert.Equal(pending.Count, stats.Depth);
        Assert.Contains(fixture.Logger.Entries, e => e.Message.StartsWith("Outbox full: dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void DroppedCounts_SurviveARestart()
    {
        using var fixture = new OutboxFixture(maxBytes: 4096, segmentBytes: 1024);
        fixture.AppendMany(200);
        var dropped = fixture.Outbox.Statistics.DroppedWhenFull;

        var reopened = fixture.Reopen();

        Assert.True(dropped > 0);
        Assert.Equal(dropped, reopened.Statistics.DroppedWhenFull);
    }

    [Fact]
    public void WhenFull_AcknowledgedSamplesAreNotCountedAsDropped()
    {
        using var fixture = new OutboxFixture(maxBytes: 4096, segmentBytes: 1024);
        var first = fixture.AppendMany(10);
        fixture.Outbox.Acknowledge(first.Take(5).ToList());

        fixture.AppendMany(190);

        var stats = fixture.Outbox.Statistics;
        var pending = fixture.PendingSeqs();
        Assert.Equal(pending[0] - 1 - 5, stats.DroppedWhenFull);
    }
}
