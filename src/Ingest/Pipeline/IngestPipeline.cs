using System.Buffers;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Devices;
using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Ingest.Validation;

namespace WorkOrders.Ingest.Pipeline;

/// <summary>
/// Processes one batch of broker messages: validate, drop duplicate seqs, write the good samples to the
/// time-series store while handing them to their grains, then dead-letter the rejects. Throws when any durable step
/// fails, so the caller does not acknowledge the batch and the broker redelivers it.
/// </summary>
public sealed partial class IngestPipeline(
    TelemetryValidator validator,
    IDeviceDirectory directory,
    IDeadLetterStore deadLetters,
    ITelemetryStore store,
    IDeviceHandoff handoff,
    RecentSeqFilter recentSeqs,
    IngestMetrics metrics,
    TimeProvider timeProvider,
    ILogger<IngestPipeline> logger)
{
    public async Task<IngestBatchResult> ProcessAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rejected = new List<DeadLetter>();
        var byDevice = new Dictionary<string, Dictionary<long, TelemetryPoint>>(StringComparer.Ordinal);
        var duplicates = 0;
        var now = timeProvider.GetUtcNow();

        foreach (var message in messages)
        {
            var validated = validator.Validate(message.Topic, new ReadOnlySequence<byte>(message.Payload));
            foreach (var rejection in validated.Rejections)
            {
                rejected.Add(new DeadLetter(now, message.Topic, validated.DeviceId, rejection.Reason, rejection.Detail, message.Payload));
            }

            if (validated.Samples.Count == 0 || validated.DeviceId is not { } deviceId)
            {
                continue;
            }

            if (!await directory.IsRegisteredAsync(deviceId, cancellationToken))
            {
                rejected.Add(new DeadLetter(now, message.Topic, deviceId, RejectReason.UnknownDevice,
                    $"Device '{deviceId}' is not registered; register it with POST /api/devices.", message.Payload));
                continue;
            }

            if (!byDevice.TryGetValue(deviceId, out var samples))
            {
                byDevice[deviceId] = samples = [];
            }

            foreach (var sample in validated.Samples)
            {
                if (samples.ContainsKey(sample.Seq) || recentSeqs.WasSeen(deviceId, sample.Seq))
                {
                    duplicates++;
                    continue;
                }

                samples[sample.Seq] = sample with { ReceivedAt = message.ReceivedAt };
            }
        }

        var stored = byDevice
            .SelectMany(device => device.Value.Values.Select(s => new StoredSample(device.Key, s.Seq, s.Timestamp, s.Readings)))
            .ToList();

        // The store write and the grains' hand-offs run at the same time, and the batch succeeds only when both did.
        // When either fails the batch is not acknowledged and comes again: the store ignores the (device, seq) it
        // already has, and each grain counts the seqs it already scored as duplicates. Both are awaited even when one
        // fails, so nothing of a failed batch is still running when the broker redelivers it.
        var storing = stored.Count > 0 ? StoreAsync(stored, cancellationToken) : Task.CompletedTask;
        var handingOff = Task.WhenAll(byDevice
            .Where(device => device.Value.Count > 0)
            .Select(device => HandOffAsync(device.Key, device.Value.Values, cancellationToken)));
        await Task.WhenAll(storing, handingOff);
        var results = await handingOff;
        duplicates += results.Sum(r => r.Duplicates);

        // Last, so that a failure above (and the broker's redelivery) never writes a dead letter twice.
        if (rejected.Count > 0)
        {
            await deadLetters.WriteAsync(rejected, cancellationToken);
        }

        foreach (var (deviceId, samples) in byDevice)
        {
            recentSeqs.MarkSeen(deviceId, samples.Keys);
        }

        metrics.MessagesReceived.Add(messages.Count);
        metrics.SamplesAccepted.Add(stored.Count);
        metrics.Duplicates.Add(duplicates);
        metrics.BatchSize.Record(messages.Count);
        foreach (var deadLetter in rejected)
        {
            metrics.DeadLetters.Add(1, new KeyValuePair<string, object?>("reason", deadLetter.Reason));
            LogRejected(deadLetter.DeviceId, deadLetter.Reason, deadLetter.Detail);
        }

        return new IngestBatchResult(messages.Count, stored.Count, duplicates, rejected.Count);
    }

    private async Task StoreAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken) =>
        await store.WriteAsync(samples, cancellationToken);

    private async Task<RecordResult> HandOffAsync(string deviceId, IEnumerable<TelemetryPoint> samples, CancellationToken cancellationToken) =>
        await handoff.HandOffAsync(deviceId, new TelemetryBatch([.. samples.OrderBy(s => s.Seq)]), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry of device {DeviceId} dead-lettered ({Reason}): {Detail}")]
    private partial void LogRejected(string? deviceId, string reason, string detail);
}

/// <summary>Counts of one processed batch.</summary>
public sealed record IngestBatchResult(int Messages, int Stored, int Duplicates, int DeadLettered);
