namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>
/// A snapshot for heartbeats and logs. <see cref="Depth"/> counts samples not yet acknowledged;
/// <see cref="DroppedWhenFull"/> and <see cref="TornRecordsDropped"/> count losses since the outbox was created.
/// </summary>
public sealed record OutboxStatistics(
    long Depth,
    long Bytes,
    int Segments,
    long LastSeq,
    long DroppedWhenFull,
    long TornRecordsDropped);
