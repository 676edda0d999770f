namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>What scanning the segments after a restart found wrong.</summary>
internal sealed class SegmentRecovery
{
    public List<(long From, long To)> Gaps { get; } = [];

    public long DroppedRecords { get; set; }

    public bool TruncatedTail { get; set; }
}
