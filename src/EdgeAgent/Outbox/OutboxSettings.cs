namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>Where the outbox lives and how big it may grow.</summary>
/// <param name="Directory">A directory of its own (segments, <c>outbox.state</c>).</param>
/// <param name="MaxBytes">Upper bound on disk; past it the oldest segment is dropped.</param>
/// <param name="SegmentBytes">A segment is closed and a new one begun past this size.</param>
/// <param name="FlushToDisk">fsync every append and every state write, so a power cut loses nothing that was accepted.</param>
public sealed record OutboxSettings(string Directory, long MaxBytes, long SegmentBytes, bool FlushToDisk);
