namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// Exponential backoff with jitter: the n-th wait is drawn uniformly from [d/2, d] with
/// d = min(max, min × 2ⁿ), so a fleet that lost its broker at once does not come back at once.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan minimum, TimeSpan maximum, Random random)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(maximum.TotalMilliseconds, minimum.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }

    public void Reset() => _attempt = 0;
}
