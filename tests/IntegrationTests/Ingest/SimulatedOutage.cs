namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>
/// A fake dependency's outage that a test switches on and off: while <see cref="On"/>, <see cref="ThrowIfOn"/> counts
/// a refusal and throws.
/// </summary>
public sealed class SimulatedOutage
{
    private volatile bool _on;
    private int _refusals;

    public bool On
    {
        get => _on;
        set => _on = value;
    }

    /// <summary>Calls refused while <see cref="On"/> was set.</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    public void ThrowIfOn(Func<Exception> failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (_on)
        {
            Interlocked.Increment(ref _refusals);
            throw failure();
        }
    }
}
