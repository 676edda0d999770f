using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Validation;

namespace WorkOrders.Maintenance.Models.Training;

/// <summary>
/// Checks a training request up front (range, asset type with registered devices, no other job of the asset type
/// unfinished) and queues a job only when it passes, so a bad request never becomes a failed job.
/// </summary>
public sealed partial class TrainingJobQueue(
    DeviceRegistry devices, TrainingJobStore store, TimeProvider clock, ILogger<TrainingJobQueue> logger)
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public async Task<TrainingJobQueueResult> QueueAsync(
        string? assetType, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = Codes.Normalize(assetType);
        if (code is null)
        {
            errors["assetType"] = ["assetType is required."];
        }

        if (from is null)
        {
            errors["from"] = ["from is required (ISO-8601, e.g. 2026-11-01T00:00:00Z)."];
        }
        else if (from >= clock.GetUtcNow())
        {
            errors["from"] = [$"from ({from:O}) is in the future: there is no history to train on yet."];
        }

        if (to is null)
        {
            errors["to"] = ["to is required (ISO-8601, e.g. 2026-11-08T00:00:00Z)."];
        }
        else if (from is { } start && (to <= start || to - start > MaxRange))
        {
            errors["to"] = [$"to must be after from and at most {MaxRange.TotalDays} days later."];
        }

        if (code is not null && (await devices.ListAsync(assetType: code, cancellationToken: cancellationToken)).Count == 0)
        {
            errors["assetType"] = [$"No device of asset type '{code}' is registered, so there is no history to train on."];
        }

        if (errors.Count > 0)
        {
            return TrainingJobQueueResult.Invalid(errors);
        }

        var job = await store.FindUnfinishedAsync(code!, cancellationToken) is null
            ? await store.EnqueueAsync(code!, from!.Value, to!.Value, cancellationToken)
            : null;
        if (job is null)
        {
            var running = await store.FindUnfinishedAsync(code!, cancellationToken);
            return TrainingJobQueueResult.Busy(running is null
                ? $"Another training job for '{code}' was queued at the same moment; try again when it has ended."
                : $"Training job {running.Id} for '{code}' is still {running.Status.ToString().ToLowerInvariant()}; wait for it to end.");
        }

        LogQueued(job.Id, code!, job.From, job.To);
        return TrainingJobQueueResult.Queued(job);
    }

    [LoggerMessage(141, LogLevel.Information, "Queued training job {JobId} for {AssetType} on [{From}, {To})")]
    private partial void LogQueued(Guid jobId, string assetType, DateTimeOffset from, DateTimeOffset to);
}
