using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// One simulated device of the load: its next seq, and readings recorded from the simulator's physics, replayed in a
/// loop. Every payload is stamped with the moment it is published (milliseconds, strictly increasing per device), so
/// latency can be measured from <c>ts</c>. Used by one connection at a time.
/// </summary>
internal sealed class LoadDevice(string deviceId, IReadOnlyDictionary<string, double>[] readings)
{
    private long _lastAcked;
    private long _lastStampMs;

    public string DeviceId { get; } = deviceId;

    public string Topic { get; } = TelemetryTopics.Telemetry(deviceId);

    /// <summary>The highest seq the broker acknowledged: seqs 1..LastAcked were published exactly once each.</summary>
    public long LastAcked => Volatile.Read(ref _lastAcked);

    /// <summary>The body of the next sample (seq = <see cref="LastAcked"/> + 1), stamped now.</summary>
    public byte[] NextPayload(out long seq)
    {
        seq = _lastAcked + 1;
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _lastStampMs = Math.Max(nowMs, _lastStampMs + 1);
        var sample = new TelemetrySampleMessage(seq, DateTimeOffset.FromUnixTimeMilliseconds(_lastStampMs), ReadingsFor(seq));
        return TelemetryCodec.Encode(TelemetryMessage.Single(DeviceId, sample));
    }

    /// <summary>The readings a sample of this seq carries (the recorded steps, in a loop).</summary>
    public IReadOnlyDictionary<string, double> ReadingsFor(long seq) => readings[(seq - 1) % readings.Length];

    public void Acknowledged(long seq) => Volatile.Write(ref _lastAcked, seq);

    /// <summary>A fresh start at seq 1 (after the broker-only phase, for the platform's empty store).</summary>
    public void Reset()
    {
        Volatile.Write(ref _lastAcked, 0);
        _lastStampMs = 0;
    }
}
