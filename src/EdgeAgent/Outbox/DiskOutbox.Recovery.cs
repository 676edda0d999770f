using Microsoft.Extensions.Logging;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>Opening the outbox after a restart, a crash or a power cut.</summary>
public sealed partial class DiskOutbox
{
    /// <summary>Opens (creating if needed) the outbox and recovers it from whatever a crash left behind.</summary>
    public static DiskOutbox Open(OutboxSettings settings, ILogger<DiskOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        Directory.CreateDirectory(settings.Directory);
        var stateFile = new OutboxStateFile(settings.Directory, settings.FlushToDisk);
        var state = stateFile.Load(out var problem);
        if (problem is not null)
        {
            LogStateUnreadable(logger, problem);
        }

        var recovery = new SegmentRecovery();
        var segments = new List<OutboxSegment>();
        foreach (var path in Directory.GetFiles(settings.Directory, "*" + OutboxSegment.Extension).Order(StringComparer.Ordinal))
        {
            if (!OutboxSegment.TryParseName(path, out var nameSeq))
            {
                continue;
            }

            var segment = OutboxSegment.Recover(path, nameSeq, recovery);
            if (segment.IsEmpty)
            {
                segment.Delete();
            }
            else
            {
                segments.Add(segment);
            }
        }

        var outbox = new DiskOutbox(settings, logger, stateFile, state, segments);
        outbox.FinishRecovery(recovery);
        return outbox;
    }

    private void FinishRecovery(SegmentRecovery recovery)
    {
        foreach (var (from, to) in recovery.Gaps)
        {
            _done.AddRange(from, to);
        }

        if (_segments.Count > 0)
        {
            _done.RaiseFloor(_segments[0].FirstSeq);
        }
        else
        {
            _done.RaiseFloor(_lastSeq + 1);
        }

        _depth = _segments.Sum(s => s.LastSeq - s.FirstSeq + 1 - _done.CountWithin(s.FirstSeq, s.LastSeq));
        _tornRecordsDropped += recovery.DroppedRecords;
        if (recovery.DroppedRecords > 0)
        {
            LogRecovered(_logger, recovery.DroppedRecords, recovery.TruncatedTail, _settings.Directory);
        }

        DeleteDoneSegments();
        SaveState();
        LogOpened(_logger, _settings.Directory, _depth, _lastSeq);
    }
}
