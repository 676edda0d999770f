namespace WorkOrders.EdgeAgent.Devices.Digital;

/// <summary>
/// Reports a new state only after the raw input has held it for the debounce time; every raw edge
/// (seen by an interrupt or by a read) restarts the wait, so contact bounce never gets through.
/// </summary>
public sealed class Debouncer(bool initial, TimeSpan debounceTime, DateTimeOffset now)
{
    private readonly Lock _lock = new();
    private bool _stable = initial;
    private bool _candidate = initial;
    private DateTimeOffset _candidateSince = now;

    /// <summary>Debounced transitions so far.</summary>
    public long Transitions { get; private set; }

    /// <summary>Feeds a raw level observed at <paramref name="now"/>; returns the debounced state.</summary>
    public bool Update(bool raw, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (raw != _candidate)
            {
                _candidate = raw;
                _candidateSince = now;
            }

            if (_candidate != _stable && now - _candidateSince >= debounceTime)
            {
                _stable = _candidate;
                Transitions++;
            }

            return _stable;
        }
    }

    /// <summary>Feeds an edge; unlike <see cref="Update"/>, an edge back to the same level still restarts the wait.</summary>
    public void Edge(bool raw, DateTimeOffset now)
    {
        lock (_lock)
        {
            _candidate = raw;
            _candidateSince = now;
        }
    }
}
