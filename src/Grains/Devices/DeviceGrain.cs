using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains.Devices;

/// <summary>
/// One device asset: dedupes its telemetry by seq, scores it with the streaming detector, tracks
/// anomaly episodes and opens exactly one preventive work order per episode.
/// </summary>
internal sealed partial class DeviceGrain(
    [PersistentState("device", GrainStorage.Devices)] IPersistentState<DeviceState> state,
    IAnomalyDetectorFactory detectorFactory,
    IOptions<AnomalyDetectorOptions> anomalyOptions,
    IOptions<DeviceGrainOptions> options,
    IDeviceDirectory directory,
    IPredictiveWorkOrders workOrders,
    IActiveModels activeModels,
    GrainMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private IAnomalyDetector _detector = null!;
    private SeqRangeSet _seen = null!;
    private int _samplesUntilSave;
    private bool _dirty;
    private DateTimeOffset _nextSaveAt;
    private IGrainTimer? _workOrderRetry;
    private Task _saveInFlight = Task.CompletedTask;
    private ActiveModel? _model;

    private string DeviceId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.AssetType is null && await directory.FindAsync(DeviceId, cancellationToken) is { } registration)
        {
            state.State.AssetType = registration.AssetType;
            state.State.Site = registration.Site;
        }

        _model = activeModels.Find(AssetType);
        _detector = CreateDetector(state.State.DetectorState);
        if (state.State.ModelVersion != _model?.Version)
        {
            LogModelApplied(DeviceId, _model?.Version, state.State.ModelVersion);
            state.State.ModelVersion = _model?.Version;
            _dirty = true;
        }

        _seen = new SeqRangeSet(state.State.SeenSeqs);
        ReleaseSavedCopies();
        state.State.ShareLoadedValues(_detector.Channels);

        // Staggered: a fleet activated together must not write its state together (see SaveStagger).
        _nextSaveAt = timeProvider.GetUtcNow() + SaveStagger.FirstSaveAfter(DeviceId, options.Value.SaveInterval);
        _samplesUntilSave = SaveStagger.FirstSaveAfterSamples(DeviceId, options.Value.SaveEverySamples);
        metrics.ActiveDevices.Add(1);
        if (state.State.PendingWorkOrderKeys.Count > 0)
        {
            StartWorkOrderRetry();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ActiveDevices.Add(-1);
        await _saveInFlight;
        if (_dirty)
        {
            await SaveAsync();
        }
    }

    public async Task<RecordResult> RecordAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var current = state.State;
        int accepted = 0, duplicates = 0, late = 0;
        AnomalyScore? lastScore = null;
        IReadOnlyDictionary<string, double>? newestReadings = null;
        var episodeChanged = false;
        var now = timeProvider.GetUtcNow();
        var modelChanged = ApplyActiveModel();

        foreach (var sample in batch.Samples.OrderBy(s => s.Seq))
        {
            if (!_seen.Add(sample.Seq))
            {
                duplicates++;
                continue;
            }

            accepted++;
            current.SamplesReceived++;
            if (current.LastScoredAt is { } lastScored && sample.Timestamp < lastScored)
            {
                late++;
                continue;
            }

            var score = _detector.Score(sample.Timestamp, sample.Readings);
            current.LastScoredAt = sample.Timestamp;
            newestReadings = sample.Readings;
            current.LastScore = score.Score;
            lastScore = score;
            if (_model is { Bundle: { Rul: { } rul } bundle })
            {
                (current.RulCycles ??= new()).Add(sample.Timestamp, sample.Readings, bundle.RulCycle, rul.Manifest.WindowCycles);
            }

            metrics.SamplesScored.Add(1);
            metrics.DetectorScores.Record(score.Score);
            if (sample.ReceivedAt is { } receivedAt)
            {
                metrics.ReceiveToScoredLatency.Record((now - receivedAt).TotalMilliseconds);
            }

            var (next, change) = EpisodeTracker.Observe(current.Episode, sample.Timestamp, score, anomalyOptions.Value);
            current.Episode = next;
            if (change == EpisodeChange.Opened)
            {
                episodeChanged = true;
                current.PendingWorkOrderKeys = [.. current.PendingWorkOrderKeys, $"{DeviceId}/episode/{next.Number}"];
                current.OpenWorkOrderNumber = null;
                metrics.EpisodesOpened.Add(1);
                LogEpisodeOpened(DeviceId, next.Number, next.Explanation);
            }
            else if (change == EpisodeChange.Closed)
            {
                episodeChanged = true;
                LogEpisodeClosed(DeviceId, next.Number);
            }
        }

        if (newestReadings is not null)
        {
            // Once a batch, like the explanation: values aligned with the detector's shared channel names.
            current.LatestReadings = ChannelReadings.Align(_detector.Channels, newestReadings);
        }

        if (lastScore is { } newest)
        {
            // Only the newest score's explanation is kept, so it is written once a batch, not once a sample; while no
            // channel deviates not even that (it is made from the score when read).
            if (newest is { WarmingUp: false, Contributions.Count: 0 })
            {
                current.ExplainByScoreAlone();
            }
            else
            {
                current.LastExplanation = newest.WarmingUp ? null : newest.Explain();
            }
        }

        current.Duplicates += duplicates;
        if (accepted + duplicates > 0)
        {
            current.LastSeenAt = now;
            _dirty = true;
        }

        _samplesUntilSave -= accepted;
        if (episodeChanged || modelChanged)
        {
            // Write-through: the episode (and its pending work-order key) or the model change is stored before the
            // batch is acknowledged and before any work order is opened, so a restart never loses or repeats one.
            await SaveAsync();
        }
        else if ((_samplesUntilSave <= 0 || now >= _nextSaveAt) && _saveInFlight.IsCompleted)
        {
            // Write-behind: the periodic write runs while the grain takes its next batches (at most one in flight;
            // while one is, the next starts with the first batch after it).
            _saveInFlight = SaveInBackgroundAsync();
        }

        if (episodeChanged && current.PendingWorkOrderKeys.Count > 0)
        {
            await TryOpenWorkOrdersAsync(cancellationToken);
        }

        return new RecordResult(accepted, duplicates, late, current.LastScore);
    }

    public Task<DeviceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var current = state.State;
        var episode = current.Episode is { IsOpen: true, OpenedAt: { } openedAt } open
            ? new EpisodeSnapshot(open.Number, openedAt, open.PeakScore, open.Explanation, current.OpenWorkOrderNumber)
            : null;
        return Task.FromResult(new DeviceSnapshot(
            DeviceId,
            current.AssetType,
            current.Site,
            current.SamplesReceived,
            _seen.Highest,
            current.LastSeenAt,
            new Dictionary<string, double>(current.LatestReadings),
            current.LastScore,
            current.LastExplanation,
            episode,
            current.Duplicates));
    }

    public async Task RebaselineAsync(CancellationToken cancellationToken = default)
    {
        _detector.Rebaseline();
        await SaveAsync();
    }

    private async Task TryOpenWorkOrdersAsync(CancellationToken cancellationToken)
    {
        var current = state.State;
        try
        {
            while (current.PendingWorkOrderKeys.Count > 0)
            {
                var key = current.PendingWorkOrderKeys[0];
                var order = await workOrders.OpenPredictiveAsync(BuildRequest(key), cancellationToken);
                current.PendingWorkOrderKeys = [.. current.PendingWorkOrderKeys.Skip(1)];
                current.OpenWorkOrderNumber = order.Number;
                await SaveAsync();
                if (order.Created)
                {
                    metrics.WorkOrdersOpened.Add(1);
                }

                LogWorkOrderOpened(DeviceId, order.Number, key, order.AssigneeId, order.Created);
            }

            StopWorkOrderRetry();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWorkOrderOpenFailed(exception, DeviceId, current.PendingWorkOrderKeys.FirstOrDefault() ?? "(saving state)");
            StartWorkOrderRetry();
        }
    }

    private PredictiveWorkOrderRequest BuildRequest(string idempotencyKey)
    {
        var current = state.State;
        var episode = current.Episode;
        var assetType = current.AssetType ?? options.Value.DefaultAssetType;
        var forecast = Forecast();
        return new PredictiveWorkOrderRequest(
            idempotencyKey,
            DeviceId,
            assetType,
            current.Site,
            $"Predicted fault on {DeviceId} ({assetType})",
            episode.Explanation ?? current.LastExplanation ?? "Sustained anomaly",
            Math.Clamp(episode.PeakScore, 0, 1),
            episode.OpenedAt ?? timeProvider.GetUtcNow(),
            forecast?.PredictedFailureAt,
            current.ModelVersion,
            forecast?.WindowStart,
            forecast?.WindowEnd,
            forecast?.FailureProbability);
    }

    private string AssetType => state.State.AssetType ?? options.Value.DefaultAssetType;

    /// <summary>
    /// Picks up a rollout or rollback: on a new active version the detector is rebuilt from its own exported state (the
    /// device's learned levels, spreads and subspace are kept) with the version's baseline, and RUL cycles restart.
    /// </summary>
    private bool ApplyActiveModel()
    {
        var model = activeModels.Find(AssetType);
        if (ReferenceEquals(model, _model))
        {
            return false;
        }

        var changed = model?.Version != _model?.Version;
        var exported = changed ? _detector.ExportState() : null;
        _model = model;
        if (!changed)
        {
            return false;
        }

        _detector = CreateDetector(exported);
        LogModelApplied(DeviceId, model?.Version, state.State.ModelVersion);
        state.State.ModelVersion = model?.Version;
        state.State.RulCycles = null;
        _dirty = true;
        return true;
    }

    private IAnomalyDetector CreateDetector(string? exportedState)
    {
        var assetType = AssetType;
        return _model?.Bundle.Baseline is { } baseline
            ? new AnomalyDetectorFactory(anomalyOptions.Value, new AnomalyBaselineCatalog([baseline with { AssetType = assetType }]))
                .Create(assetType, exportedState)
            : detectorFactory.Create(assetType, exportedState);
    }

    private RulForecast? Forecast()
    {
        if (_model is not { } model || state.State.RulCycles is not { } cycles)
        {
            return null;
        }

        try
        {
            return RulForecaster.Forecast(model.Bundle, cycles, DeviceId, state.State.LastScoredAt ?? timeProvider.GetUtcNow());
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            LogForecastFailed(exception, DeviceId, model.Version);
            return null;
        }
    }

    private void StartWorkOrderRetry()
    {
        // KeepAlive: a device that falls silent must not take its unopened work order into deactivation.
        var interval = options.Value.WorkOrderRetryInterval;
        _workOrderRetry ??= this.RegisterGrainTimer(
            TryOpenWorkOrdersAsync,
            new GrainTimerCreationOptions { DueTime = interval, Period = interval, KeepAlive = true });
    }

    private void StopWorkOrderRetry()
    {
        _workOrderRetry?.Dispose();
        _workOrderRetry = null;
    }

    /// <summary>Writes the state and returns once it is stored (after the write in flight, if any).</summary>
    private async Task SaveAsync()
    {
        await _saveInFlight;
        await WriteAsync();
    }

    /// <summary>A periodic write nobody awaits but the next write and deactivation: a failure keeps the state dirty.</summary>
    private async Task SaveInBackgroundAsync()
    {
        var startedAt = timeProvider.GetUtcNow();
        try
        {
            await WriteAsync();
        }
        catch (InconsistentStateException exception)
        {
            // Another activation wrote this device's state: this one is stale. Let the next activation read it.
            LogSaveConflict(exception, DeviceId);
            _dirty = false;
            DeactivateOnIdle();
        }
        catch (Exception exception)
        {
            var retryAfter = options.Value.SaveRetryInterval;
            _nextSaveAt = startedAt + retryAfter;
            LogSaveFailed(exception, DeviceId, retryAfter);
            metrics.StateWriteFailures.Add(1);
        }
    }

    /// <summary>
    /// Writes the state. Orleans queues the write and calls the storage from a later work item of this activation (its
    /// state bridge yields first), and the grain storage serializes the state before its own first await (the host's
    /// <c>RelationalGrainStorage</c> does; its tests prove it). So the state is serialized between two turns of the
    /// grain, never while one changes it, and the turns that follow may change it at once. The exported detector state
    /// is dropped only when the write is done, and the ETag is updated then, before the next write (callers await the
    /// one in flight first).
    /// </summary>
    private async Task WriteAsync()
    {
        state.State.SeenSeqs = [.. _seen.Ranges];
        state.State.DetectorState = _detector.ExportState();
        _samplesUntilSave = options.Value.SaveEverySamples;
        _nextSaveAt = timeProvider.GetUtcNow() + options.Value.SaveInterval;
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _dirty = true;
            throw;
        }
        finally
        {
            ReleaseSavedCopies();
        }
    }

    /// <summary>
    /// Drops the detector's exported JSON and the seq ranges once they were loaded from or written: the live detector and
    /// <c>_seen</c> hold the same, and every save exports them afresh. Kept, the JSON was about half of an active grain's memory.
    /// </summary>
    private void ReleaseSavedCopies()
    {
        state.State.DetectorState = null;
        state.State.SeenSeqs = [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Anomaly episode {EpisodeNumber} opened on device {DeviceId}: {Explanation}")]
    private partial void LogEpisodeOpened(string deviceId, int episodeNumber, string? explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anomaly episode {EpisodeNumber} closed on device {DeviceId}")]
    private partial void LogEpisodeClosed(string deviceId, int episodeNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Work order {WorkOrderNumber} for device {DeviceId} ({IdempotencyKey}) assigned to {AssigneeId}; new: {Created}")]
    private partial void LogWorkOrderOpened(string deviceId, string workOrderNumber, string idempotencyKey, string? assigneeId, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} runs model version {Version} (was {Previous})")]
    private partial void LogModelApplied(string deviceId, string? version, string? previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RUL forecast of device {DeviceId} with model version {Version} failed; the order is opened without one")]
    private partial void LogForecastFailed(Exception exception, string deviceId, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State write of device {DeviceId} failed; the state stays dirty and is written again in {RetryAfter}")]
    private partial void LogSaveFailed(Exception exception, string deviceId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "State of device {DeviceId} was written by another activation; this one deactivates without writing")]
    private partial void LogSaveConflict(Exception exception, string deviceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open the work order {IdempotencyKey} for device {DeviceId}; retrying")]
    private partial void LogWorkOrderOpenFailed(Exception exception, string deviceId, string idempotencyKey);
}
