using Microsoft.Extensions.Logging;

namespace WorkOrders.EdgeAgent.Outbox;

public sealed partial class DiskOutbox
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Directory} open: {Depth} samples waiting, last seq {LastSeq}")]
    private static partial void LogOpened(ILogger logger, string directory, long depth, long lastSeq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox recovery dropped {Records} damaged or torn records (tail truncated: {TruncatedTail}) in {Directory}")]
    private static partial void LogRecovered(ILogger logger, long records, bool truncatedTail, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox full: dropped {Lost} unsent samples (seq {From}..{To}); {Total} dropped so far; limit {MaxBytes} bytes")]
    private static partial void LogDroppedWhenFull(ILogger logger, long lost, long from, long to, long total, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox state ignored, samples already delivered may be sent once more: {Problem}")]
    private static partial void LogStateUnreadable(ILogger logger, string problem);
}
