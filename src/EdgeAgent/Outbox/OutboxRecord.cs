namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>One sample as the outbox keeps it: its seq, when it was taken and what was read.</summary>
public sealed record OutboxRecord(long Seq, DateTimeOffset Timestamp, IReadOnlyDictionary<string, double> Readings);
