namespace WorkOrders.EdgeAgent.Tests.Outbox;

/// <summary>What a power cut or kill -9 in the middle of a write can leave on disk, and what the outbox makes of it.</summary>
public sealed class OutboxRecoveryTests
{
    [Fact]
    public void DropsAndCountsATornTail_AndKeepsEverythingBefore()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(10);
        var segment = fixture.Segments.Single();
        var intactLength = new FileInfo(segment).Length;
        fixture.Outbox.Dispose();
        TruncateBy(segment, 7);

        var reopened = fixture.Reopen();

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), fixture.PendingSeqs());
        Assert.Equal(1, reopened.Statistics.TornRecordsDropped);
        Assert.True(new FileInfo(segment).Length < intactLength - 7, "the torn frame was cut off the file");
        Assert.Contains(fixture.Logger.Entries, e => e.Message.Contains("torn", StringComparison.Ordinal));
    }

    [Fact]
    public void AppendsAfterATornTail_AreReadableAfterTheNextRestart()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(10);
        fixture.Outbox.Dispose();
        TruncateBy(fixture.Segments.Single(), 3);
        var next = fixture.Reopen().Append(DateTimeOffset.UnixEpoch, OutboxFixture.Readings(42));

        fixture.Reopen();

        Assert.Equal(10, next.Seq);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), fixture.PendingSeqs());
        Assert.Equal(42, fixture.Outbox.ReadPending(9, 10, 1).Single().Readings["temperature_c"]);
    }

    [Fact]
    public void DropsAHalfWrittenHeader()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(3);
        fixture.Outbox.Dispose();
        File.AppendAllBytes(fixture.Segments.Single(), [0x50, 0x4F, 0x42]);

        var reopened = fixture.Reopen();

        Assert.Equal([1, 2, 3], fixture.PendingSeqs());
        Assert.Equal(1, reopened.Statistics.TornRecordsDropped);
        Assert.Equal(4, reopened.Append(DateTimeOffset.UnixEpoch, OutboxFixture.Readings(0)).Seq);
    }

    [Fact]
    public void SkipsARottenRecordInTheMiddle_AndKeepsTheRest()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(10);
        fixture.Outbox.Dispose();
        var segment = fixture.Segments.Single();
        var bytes = File.ReadAllBytes(segment);
        var fifthFrame = IndexOfFrame(bytes, 5);
        bytes[fifthFrame + 30] ^= 0x5A;
        File.WriteAllBytes(segment, bytes);

        var reopened = fixture.Reopen();

        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10], fixture.PendingSeqs());
        Assert.Equal(9, reopened.Statistics.Depth);
        Assert.Equal(1, reopened.Statistics.TornRecordsDropped);
    }

    [Fact]
    public void AnUnreadableStateFile_ResendsRatherThanLoses()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(5);
        fixture.Outbox.Acknowledge([1, 2]);
        fixture.Outbox.Dispose();
        File.WriteAllText(Path.Combine(fixture.Settings.Directory, "outbox.state"), "{ not json");

        var reopened = fixture.Reopen();

        Assert.Equal([1, 2, 3, 4, 5], fixture.PendingSeqs());
        Assert.Equal(6, reopened.Append(DateTimeOffset.UnixEpoch, OutboxFixture.Readings(0)).Seq);
    }

    [Fact]
    public void IgnoresAnEmptySegmentLeftByACrashDuringRollover()
    {
        using var fixture = new OutboxFixture();
        fixture.AppendMany(3);
        fixture.Outbox.Dispose();
        File.WriteAllBytes(Path.Combine(fixture.Settings.Directory, "00000000000000000004.seg"), []);

        var reopened = fixture.Reopen();

        Assert.Equal([1, 2, 3], fixture.PendingSeqs());
        Assert.Equal(0, reopened.Statistics.TornRecordsDropped);
    }

    private static void TruncateBy(string path, int bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length - bytes);
    }

    private static int IndexOfFrame(byte[] bytes, long seq)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (BitConverter.ToInt64(bytes, offset + 12) == seq)
            {
                return offset;
            }

            offset += 20 + BitConverter.ToInt32(bytes, offset + 4);
        }

        throw new InvalidOperationException($"No frame with seq {seq}.");
    }
}
