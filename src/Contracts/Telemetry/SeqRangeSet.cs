namespace WorkOrders.Contracts.Telemetry;

/// <summary>
/// The seqs a device has delivered, as a sorted list of closed ranges. A device that sends in order
/// keeps one range; a backlog drained beside live data keeps a few until the gap closes. Bounded:
/// past <see cref="MaxRanges"/> the oldest range is forgotten, so memory stays flat. Forgetting can only
/// make an old seq look new again (harmless: stores are idempotent); it never makes an unseen seq look seen.
/// </summary>
public sealed class SeqRangeSet
{
    public const int MaxRanges = 32;

    private readonly List<SeqRange> _ranges;

    public SeqRangeSet(IEnumerable<SeqRange>? ranges = null) =>
        _ranges = ranges?.OrderBy(r => r.From).ToList() ?? [];

    public IReadOnlyList<SeqRange> Ranges => _ranges;

    public long? Highest => _ranges.Count == 0 ? null : _ranges[^1].To;

    public bool Contains(long seq)
    {
        var index = FindRangeAtOrBefore(seq);
        return index >= 0 && _ranges[index].To >= seq;
    }

    /// <summary>Adds the seq; false when it had been seen before.</summary>
    public bool Add(long seq)
    {
        var index = FindRangeAtOrBefore(seq);
        if (index >= 0 && _ranges[index].To >= seq)
        {
            return false;
        }

        var joinsPrevious = index >= 0 && _ranges[index].To == seq - 1;
        var joinsNext = index + 1 < _ranges.Count && _ranges[index + 1].From == seq + 1;
        if (joinsPrevious && joinsNext)
        {
            _ranges[index] = _ranges[index] with { To = _ranges[index + 1].To };
            _ranges.RemoveAt(index + 1);
        }
        else if (joinsPrevious)
        {
            _ranges[index] = _ranges[index] with { To = seq };
        }
        else if (joinsNext)
        {
            _ranges[index + 1] = _ranges[index + 1] with { From = seq };
        }
        else
        {
            _ranges.Insert(index + 1, new SeqRange(seq, seq));
            if (_ranges.Count > MaxRanges)
            {
                _ranges.RemoveAt(0);
            }
        }

        return true;
    }

    private int FindRangeAtOrBefore(long seq)
    {
        int low = 0, high = _ranges.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_ranges[middle].From <= seq)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}

/// <summary>A closed range of seqs, both ends included. A value (16 bytes inline in the set's list, no object of its own).</summary>
public readonly record struct SeqRange(long From, long To);
