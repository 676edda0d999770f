using WorkOrders.Contracts.Telemetry;
using WorkOrders.EdgeAgent.Outbox;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>Outbox records as wire messages: one sample alone, several as a batch.</summary>
public static class TelemetryEncoder
{
    public static byte[] Encode(string deviceId, IReadOnlyList<OutboxRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var samples = records.Select(r => new TelemetrySampleMessage(r.Seq, r.Timestamp, r.Readings)).ToList();
        var message = samples.Count == 1 ? TelemetryMessage.Single(deviceId, samples[0]) : TelemetryMessage.Batch(deviceId, samples);
        return TelemetryCodec.Encode(message);
    }
}
