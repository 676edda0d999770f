using System.Buffers;
using Microsoft.Extensions.Logging;
using WorkOrders.Contracts.Devices;
using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Ingest.Validation;

namespace WorkOrders.Ingest.Pipeline;

/// <summary>
/// Processes one batch of broker messages in phases: <see cref="PrepareAsync"/> validates it and drops duplicate
/// seqs; <see cref="StoreAsync"/> writes the good samples to the time-series store while <see cref="HandOffAsync"/>
/// hands them to their grains; <see cref="CompleteAsync"/>, once both succeeded, dead-letters the rejects. Each phase
/// throws when its durable step fails, so the caller can retry that phase and leaves the batch unacknowledged (the
/// broker redelivers it) until every phase has succeeded (<see cref="Mqtt.MqttIngestWorker"/> runs them).
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
    /// <summary>Validates every message and keeps the samples of registered devices whose seqs were not seen yet.</summary>
    public async Task<PreparedBatch> PrepareAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var rejected = new List<DeadLetter>();
        var byDevice = new Dictionary<string, SortedDictionary<long, TelemetryPoint>>(StringComparer.Ordinal);
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

        var newSamples = byDevice
            .Where(device => device.Value.Count > 0)
            .ToDictionary(device => device.Key, device => (IReadOnlyList<TelemetryPoint>)[.. device.Value.Values], StringComparer.Ordinal);
        var stored = newSamples
            .SelectMany(device => device.Value.Select(s => new StoredSample(device.Key, s.Seq, s.Timestamp, s.Readings)))
            .ToList();
        return new PreparedBatch(messages.Count, newSamples, stored, rejected, duplicates);
    }

    /// <summary>Writes the batch's samples to the time-series store (idempotent per device and seq).</summary>
    public async Task StoreAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Samples.Count > 0)
        {
            await store.WriteAsync(batch.Samples, cancellationToken);
        }
    }

    /// <summary>Hands each device's samples to its grain; returns how many the grains had already scored.</summary>
    public async Task<int> HandOffAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = await Task.WhenAll(batch.ByDevice.Select(device =>
            handoff.HandOffAsync(device.Key, new TelemetryBatch(device.Value), cancellationToken)));
        return results.Sum(r => r.Duplicates);
    }

    /// <summary>
    /// After the batch was stored and handed off: dead-letters its rejects (last, so that a failure before, and the
    /// broker's redelivery, never writes a dead letter twice), remembers its seqs as seen (only now: a batch that is
    /// redelivered before it was stored must be stored then) and counts the batch.
    /// </summary>
    public async Task<IngestBatchResult> CompleteAsync(PreparedBatch batch, int duplicatesAtGrains, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Rejected.Count > 0)
        {
            await deadLetters.WriteAsync(batch.Rejected, cancellationToken);
        }

        foreach (var (deviceId, samples) in batch.ByDevice)
        {
            recentSeqs.MarkSeen(deviceId, samples.Select(s => s.Seq));
        }

        var duplicates = batch.Duplicates + duplicatesAtGrains;
        metrics.MessagesReceived.Add(batch.Messages);
        metrics.SamplesAccepted.Add(batch.Samples.Count);
        metrics.Duplicates.Add(duplicates);
        metrics.BatchSize.Record(batch.Messages);
        foreach (var deadLetter in batch.Rejected)
        {
            metrics.DeadLetters.Add(1, new KeyValuePair<string, object?>("reason", deadLetter.Reason));
            LogRejected(deadLetter.DeviceId, deadLetter.Reason, deadLetter.Detail);
        }

        return new IngestBatchResult(batch.Messages, batch.Samples.Count, duplicates, batch.Rejected.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry of device {DeviceId} dead-lettered ({Reason}): {Detail}")]
    private partial void LogRejected(string? deviceId, string reason, string detail);
}

/// <summary>Counts of one processed batch.</summary>
public sealed record IngestBatchResult(int Messages, int Stored, int Duplicates, int DeadLettered);
