using Microsoft.Extensions.Logging;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>
/// The durable queue between sampling and MQTT. Every sample gets the next seq and is written
/// (and, with <see cref="OutboxSettings.FlushToDisk"/>, fsynced) before <see cref="Append"/>
/// returns; it stays until <see cref="Acknowledge"/> is called for it after the broker's PUBACK.
/// Thread-safe: sampling appends while the live and backlog publishers read and acknowledge.
/// </summary>
public sealed partial class DiskOutbox : IDisposable
{
    private readonly Lock _lock = new();
    private readonly OutboxSettings _settings;
    private readonly ILogger<DiskOutbox> _logger;
    private readonly OutboxStateFile _stateFile;
    private readonly List<OutboxSegment> _segments;
    private readonly SeqRanges _done;
    private long _lastSeq;
    private long _depth;
    private long _droppedWhenFull;
    private long _tornRecordsDropped;

    private DiskOutbox(OutboxSettings settings, ILogger<DiskOutbox> logger, OutboxStateFile stateFile, OutboxState state, List<OutboxSegment> segments)
    {
        _settings = settings;
        _logger = logger;
        _stateFile = stateFile;
        _segments = segments;
        _done = new SeqRanges(state.Floor, state.Done.Select(r => (r[0], r[1])));
        _lastSeq = Math.Max(state.LastSeq, segments.Count > 0 ? segments[^1].LastSeq : 0);
        _droppedWhenFull = state.DroppedWhenFull;
        _tornRecordsDropped = state.TornRecordsDropped;
    }

    public long LastSeq
    {
        get
        {
            lock (_lock)
            {
                return _lastSeq;
            }
        }
    }

    public OutboxStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new OutboxStatistics(_depth, _segments.Sum(s => s.Length), _segments.Count, _lastSeq, _droppedWhenFull, _tornRecordsDropped);
            }
        }
    }

    /// <summary>Gives the sample the next seq and makes it durable; returns the stored record.</summary>
    public OutboxRecord Append(DateTimeOffset timestamp, IReadOnlyDictionary<string, double> readings)
    {
        lock (_lock)
        {
            var record = new OutboxRecord(_lastSeq + 1, timestamp, readings);
            var frame = OutboxFrame.Encode(record);
            var active = ActiveSegmentFor(frame.Length, record.Seq);
            MakeRoomFor(frame.Length);
            active.Append(frame, record.Seq, _settings.FlushToDisk);
            _lastSeq = record.Seq;
            _depth++;
            return record;
        }
    }

    /// <summary>
    /// The oldest samples not yet acknowledged with <paramref name="afterSeq"/> &lt; seq ≤
    /// <paramref name="upToSeq"/>, in seq order, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<OutboxRecord> ReadPending(long afterSeq, long upToSeq, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var records = new List<OutboxRecord>(Math.Min(max, 256));
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                if (records.Count >= max || segment.FirstSeq > upToSeq)
                {
                    break;
                }

                segment.Read(afterSeq, upToSeq, seq => !_done.Contains(seq), max, records);
            }
        }

        return records;
    }

    /// <summary>Marks samples as delivered (after PUBACK); segments that are all done are deleted.</summary>
    public void Acknowledge(IReadOnlyCollection<long> seqs)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        lock (_lock)
        {
            foreach (var seq in seqs)
            {
                if (seq <= _lastSeq && !_done.Contains(seq))
                {
                    _done.AddRange(seq, seq);
                    _depth--;
                }
            }

            DeleteDoneSegments();
            SaveState();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                segment.Dispose();
            }
        }
    }

    private OutboxSegment ActiveSegmentFor(int frameLength, long seq)
    {
        if (_segments.Count > 0 && (_segments[^1].IsEmpty || _segments[^1].Length + frameLength <= _settings.SegmentBytes))
        {
            return _segments[^1];
        }

        if (_segments.Count > 0)
        {
            _segments[^1].CloseWriter();
        }

        var segment = OutboxSegment.Create(_settings.Directory, seq);
        _segments.Add(segment);
        return segment;
    }

    private void MakeRoomFor(int frameLength)
    {
        var bytes = _segments.Sum(s => s.Length);
        while (bytes + frameLength > _settings.MaxBytes && _segments.Count > 1)
        {
            var oldest = _segments[0];
            var lost = oldest.LastSeq - oldest.FirstSeq + 1 - _done.CountWithin(oldest.FirstSeq, oldest.LastSeq);
            bytes -= oldest.Length;
            oldest.Delete();
            _segments.RemoveAt(0);
            _done.RaiseFloor(_segments[0].FirstSeq);
            _depth -= lost;
            _droppedWhenFull += lost;
            LogDroppedWhenFull(_logger, lost, oldest.FirstSeq, oldest.LastSeq, _droppedWhenFull, _settings.MaxBytes);
            SaveState();
        }
    }

    private void DeleteDoneSegments()
    {
        for (var i = 0; i < _segments.Count - 1; i++)
        {
            var segment = _segments[i];
            if (_done.CountWithin(segment.FirstSeq, segment.LastSeq) == segment.LastSeq - segment.FirstSeq + 1)
            {
                segment.Delete();
                _segments.RemoveAt(i);
                i--;
            }
        }

        if (_segments.Count > 0)
        {
            _done.RaiseFloor(_segments[0].FirstSeq);
        }
    }

    private void SaveState() => _stateFile.Save(new OutboxState(
        OutboxState.CurrentVersion,
        _done.Floor,
        _done.Ranges.Select(r => new[] { r.From, r.To }).ToArray(),
        _lastSeq,
        _droppedWhenFull,
        _tornRecordsDropped));
}
