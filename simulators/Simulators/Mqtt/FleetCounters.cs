namespace WorkOrders.Simulators.Mqtt;

/// <summary>Thread-safe counters shared by the connections of one run.</summary>
internal sealed class FleetCounters
{
    private long _samples;
    private long _sent;
    private long _acked;
    private long _errors;
    private long _dropped;

    public long Samples => Interlocked.Read(ref _samples);

    public long Sent => Interlocked.Read(ref _sent);

    public long Acked => Interlocked.Read(ref _acked);

    public long Errors => Interlocked.Read(ref _errors);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void AddSamples(long count) => Interlocked.Add(ref _samples, count);

    public void Sending() => Interlocked.Increment(ref _sent);

    public void Acknowledged() => Interlocked.Increment(ref _acked);

    public void Error() => Interlocked.Increment(ref _errors);

    public void Drop() => Interlocked.Increment(ref _dropped);
}
