namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>
/// The seqs the outbox is done with: everything at or below <see cref="Floor"/>, plus sorted,
/// disjoint closed ranges above it. Acknowledgements arrive in two ascending streams (live and
/// backlog), so the list stays a handful of ranges long.
/// </summary>
internal sealed class SeqRanges
{
    private readonly List<(long From, long To)> _ranges = [];

    public SeqRanges(long floor, IEnumerable<(long From, long To)> ranges)
    {
        Floor = floor;
        foreach (var (from, to) in ranges)
        {
            AddRange(from, to);
        }
    }

    public long Floor { get; private set; }

    public IReadOnlyList<(long From, long To)> Ranges => _ranges;

    public bool Contains(long seq)
    {
        if (seq <= Floor)
        {
            return true;
        }

        var i = IndexAtOrBefore(seq);
        return i >= 0 && _ranges[i].To >= seq;
    }

    /// <summary>How many seqs in [from, to] are done.</summary>
    public long CountWithin(long from, long to)
    {
        if (to < from)
        {
            return 0;
        }

        var count = Math.Max(0, Math.Min(to, Floor) - from + 1);
        foreach (var (f, t) in _ranges)
        {
            var lo = Math.Max(Math.Max(f, from), Floor + 1);
            var hi = Math.Min(t, to);
            count += Math.Max(0, hi - lo + 1);
        }

        return count;
    }

    public void AddRange(long from, long to)
    {
        from = Math.Max(from, Floor + 1);
        if (to < from)
        {
            return;
        }

        var i = 0;
        while (i < _ranges.Count && _ranges[i].To < from - 1)
        {
            i++;
        }

        while (i < _ranges.Count && _ranges[i].From <= to + 1)
        {
            from = Math.Min(from, _ranges[i].From);
            to = Math.Max(to, _ranges[i].To);
            _ranges.RemoveAt(i);
        }

        _ranges.Insert(i, (from, to));
        AbsorbIntoFloor();
    }

    /// <summary>Declares everything below <paramref name="seq"/> done (nothing older is kept any more).</summary>
    public void RaiseFloor(long seq)
    {
        if (seq - 1 <= Floor)
        {
            return;
        }

        Floor = seq - 1;
        _ranges.RemoveAll(r => r.To <= Floor);
        for (var i = 0; i < _ranges.Count; i++)
        {
            if (_ranges[i].From <= Floor)
            {
                _ranges[i] = (Floor + 1, _ranges[i].To);
            }
        }

        AbsorbIntoFloor();
    }

    private void AbsorbIntoFloor()
    {
        while (_ranges.Count > 0 && _ranges[0].From <= Floor + 1)
        {
            Floor = Math.Max(Floor, _ranges[0].To);
            _ranges.RemoveAt(0);
        }
    }

    private int IndexAtOrBefore(long seq)
    {
        int lo = 0, hi = _ranges.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_ranges[mid].From <= seq)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
