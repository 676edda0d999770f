using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
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
/// <remarks>
/// Thousands are active per silo, so an activation keeps few objects of its own: its collaborators come in one shared
/// <see cref="DeviceGrainServices"/>, and the grain is its own <see cref="IGrainState{T}"/> (state, ETag), read and
/// written through the grain storage by <see cref="DeviceStateStorage"/> instead of an <c>IPersistentState</c> bridge.
/// </remarks>
internal sealed partial class DeviceGrain(DeviceGrainServices services) : Grain, IDeviceGrain, IGrainState<DeviceState>
{
    private DeviceState _state = null!;
    private string? _etag;
    private bool _recordExists;
    private IAnomalyDetector _detector = null!;
    private SeqRangeSet _seen = null!;
    private int _samplesUntilSave;
    private bool _dirty;
    private DateTime _nextSaveAtUtc;
    private IGrainTimer? _workOrderTimer; // opens pending work orders: at once after an episode opens, then every retry interval until done
    private bool _openingWorkOrders;
    private Task _saveInFlight = Task.CompletedTask;
    private ActiveModel? _model;

    [AllowNull]
    DeviceState IGrainState<DeviceState>.State
    {
        get => _state;
        set => _state = value ?? new();
    }

    string? IGrainState<DeviceState>.ETag
    {
        get => _etag;
        set => _etag = value;
    }

    bool IGrainState<DeviceState>.RecordExists
    {
        get => _recordExists;
        set => _recordExists = value;
    }

    private string DeviceId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await DeviceStateStorage.ReadAsync(services.Storage, this.GetGrainId(), this);
        if (_state.AssetType is null && await services.Directory.FindAsync(DeviceId, cancellationToken) is { } registration)
        {
            _state.AssetType = registration.AssetType;
            _state.Site = registration.Site;
        }

        _model = services.ActiveModels.Find(AssetType);
        _detector = CreateDetector(_state.DetectorState);
        if (_state.ModelVersion != _model?.Version)
        {
            LogModelApplied(services.Logger, DeviceId, _model?.Version, _state.ModelVersion);
            _state.ModelVersion = _model?.Version;
            _dirty = true;
        }

        _seen = new SeqRangeSet(_state.SeenSeqs);
        ReleaseSavedCopies();
        _state.ShareLoadedValues(_detector.Channels);

        // Staggered: a fleet activated together must not write its state together (see SaveStagger).
        _nextSaveAtUtc = services.TimeProvider.GetUtcNow().UtcDateTime + SaveStagger.FirstSaveAfter(DeviceId, services.Options.SaveInterval);
        _samplesUntilSave = SaveStagger.FirstSaveAfterSamples(DeviceId, services.Options.SaveEverySamples);
        services.Metrics.ActiveDevices.Add(1);
        if (_state.PendingWorkOrderKeys.Count > 0)
        {
            StartWorkOrderRetry();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        services.Metrics.ActiveDevices.Add(-1);
        await Settled(_saveInFlight);
        if (_dirty)
        {
            await SaveAsync();
        }
    }

    public async Task<RecordResult> RecordAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var current = _state;
        int accepted = 0, duplicates = 0, late = 0;
        AnomalyScore? lastScore = null;
        IReadOnlyDictionary<string, double>? newestReadings = null;
        var episodeChanged = false;
        var now = services.TimeProvider.GetUtcNow();
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

            services.Metrics.SamplesScored.Add(1);
            services.Metrics.DetectorScores.Record(score.Score);
            if (sample.ReceivedAt is { } receivedAt)
            {
                services.Metrics.ReceiveToScoredLatency.Record((now - receivedAt).TotalMilliseconds);
            }

            var (next, change) = EpisodeTracker.Observe(current.Episode, sample.Timestamp, score, services.AnomalyOptions);
            current.Episode = next;
            if (change == EpisodeChange.Opened)
            {
                episodeChanged = true;
                current.PendingWorkOrderKeys = [.. current.PendingWorkOrderKeys, WorkOrderKey(next.Number)];
                current.OpenWorkOrderNumber = null;
                services.Metrics.EpisodesOpened.Add(1);
                LogEpisodeOpened(services.Logger, DeviceId, next.Number, next.Explanation);
            }
            else if (change == EpisodeChange.Closed)
            {
                episodeChanged = true;
                LogEpisodeClosed(services.Logger, DeviceId, next.Number);
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
        else if ((_samplesUntilSave <= 0 || now.UtcDateTime >= _nextSaveAtUtc) && _saveInFlight.IsCompleted)
        {
            // Write-behind: the periodic write runs while the grain takes its next batches (at most one in flight;
            // while one is, the next starts with the first batch after it).
            _saveInFlight = SaveInBackgroundAsync();
        }
        else if (_saveInFlight.IsCompleted)
        {
            // A finished write's task (its state machine) is not kept until the next write: one less object per grain.
            _saveInFlight = Task.CompletedTask;
        }

        if (episodeChanged && current.PendingWorkOrderKeys.Count > 0)
        {
            // The episode and its work-order key are stored: the order opens beside the batches, not inside one, so
            // that ingest's batch (every device in it) and this device's next batches do not wait for the work-order
            // service's dispatch. A failure there retries like any other (the key is durable, and idempotent).
            OpenWorkOrdersSoon();
        }

        return new RecordResult(accepted, duplicates, late, current.LastScore);
    }

    public Task<DeviceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var current = _state;
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

    /// <summary>
    /// Opens the pending work orders, oldest first. Runs on a timer that interleaves with the grain's calls, so batches
    /// may be scored (and a new episode opened) while it waits for the work-order service: one opener at a time, which
    /// takes the keys added meanwhile, and each order is matched to its own episode by key.
    /// </summary>
    private async Task TryOpenWorkOrdersAsync(CancellationToken cancellationToken)
    {
        if (_openingWorkOrders)
        {
            return;
        }

        _openingWorkOrders = true;
        var current = _state;
        try
        {
            while (current.PendingWorkOrderKeys.Count > 0)
            {
                var key = current.PendingWorkOrderKeys[0];
                var order = await services.WorkOrders.OpenPredictiveAsync(BuildRequest(key), cancellationToken);
                current.PendingWorkOrderKeys = [.. current.PendingWorkOrderKeys.Where(pending => pending != key)];
                if (key == WorkOrderKey(current.Episode.Number))
                {
                    current.OpenWorkOrderNumber = order.Number;
                }

                await SaveAsync();
                if (order.Created)
                {
                    services.Metrics.WorkOrdersOpened.Add(1);
                }

                LogWorkOrderOpened(services.Logger, DeviceId, order.Number, key, order.AssigneeId, order.Created);
            }

            StopWorkOrderTimer();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWorkOrderOpenFailed(services.Logger, exception, DeviceId, current.PendingWorkOrderKeys.FirstOrDefault() ?? "(saving state)");
            StartWorkOrderRetry();
        }
        finally
        {
            _openingWorkOrders = false;
        }
    }

    private string WorkOrderKey(int episodeNumber) => $"{DeviceId}/episode/{episodeNumber}";

    private PredictiveWorkOrderRequest BuildRequest(string idempotencyKey)
    {
        var current = _state;
        var episode = current.Episode;
        var assetType = current.AssetType ?? services.Options.DefaultAssetType;
        var forecast = Forecast();
        return new PredictiveWorkOrderRequest(
            idempotencyKey,
            DeviceId,
            assetType,
            current.Site,
            $"Predicted fault on {DeviceId} ({assetType})",
            episode.Explanation ?? current.LastExplanation ?? "Sustained anomaly",
            Math.Clamp(episode.PeakScore, 0, 1),
            episode.OpenedAt ?? services.TimeProvider.GetUtcNow(),
            forecast?.PredictedFailureAt,
            current.ModelVersion,
            forecast?.WindowStart,
            forecast?.WindowEnd,
            forecast?.FailureProbability);
    }

    private string AssetType => _state.AssetType ?? services.Options.DefaultAssetType;

    /// <summary>
    /// Picks up a rollout or rollback: on a new active version the detector is rebuilt from its own exported state (the
    /// device's learned levels, spreads and subspace are kept) with the version's baseline, and RUL cycles restart.
    /// </summary>
    private bool ApplyActiveModel()
    {
        var model = services.ActiveModels.Find(AssetType);
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
        LogModelApplied(services.Logger, DeviceId, model?.Version, _state.ModelVersion);
        _state.ModelVersion = model?.Version;
        _state.RulCycles = null;
        _dirty = true;
        return true;
    }

    private IAnomalyDetector CreateDetector(string? exportedState)
    {
        var assetType = AssetType;
        return _model?.Bundle.Baseline is { } baseline
            ? new AnomalyDetectorFactory(services.AnomalyOptions, new AnomalyBaselineCatalog([baseline with { AssetType = assetType }]))
                .Create(assetType, exportedState)
            : services.DetectorFactory.Create(assetType, exportedState);
    }

    private RulForecast? Forecast()
    {
        if (_model is not { } model || _state.RulCycles is not { } cycles)
        {
            return null;
        }

        try
        {
            return RulForecaster.Forecast(model.Bundle, cycles, DeviceId, _state.LastScoredAt ?? services.TimeProvider.GetUtcNow());
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            LogForecastFailed(services.Logger, exception, DeviceId, model.Version);
            return null;
        }
    }

    private void StartWorkOrderRetry() => StartWorkOrderTimer(services.Options.WorkOrderRetryInterval);

    /// <summary>Opens the pending work orders now, beside this turn (a retry already waiting is brought forward).</summary>
    private void OpenWorkOrdersSoon()
    {
        if (_openingWorkOrders)
        {
            return; // the opener running takes the new key before it stops
        }

        StopWorkOrderTimer();
        StartWorkOrderTimer(TimeSpan.Zero);
    }

    private void StartWorkOrderTimer(TimeSpan dueTime)
    {
        // KeepAlive: a device that falls silent must not take its unopened work order into deactivation.
        _workOrderTimer ??= this.RegisterGrainTimer(
            TryOpenWorkOrdersAsync,
            new GrainTimerCreationOptions { DueTime = dueTime, Period = services.Options.WorkOrderRetryInterval, KeepAlive = true, Interleave = true });
    }

    private void StopWorkOrderTimer()
    {
        _workOrderTimer?.Dispose();
        _workOrderTimer = null;
    }

    /// <summary>
    /// Writes the state and returns once it is stored. Writes never overlap (each would carry the same ETag): this one
    /// starts after the write in flight, if any, which may be a periodic one or the work-order opener's.
    /// </summary>
    private Task SaveAsync()
    {
        var write = WriteAfterAsync(_saveInFlight);
        _saveInFlight = write;
        return write;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        await Settled(previous);
        await WriteAsync();
    }

    /// <summary>Waits for a write without taking its failure: that belongs to whoever started it.</summary>
    private static ConfiguredTaskAwaitable Settled(Task write) =>
        write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

    /// <summary>A periodic write nobody awaits but the next write and deactivation: a failure keeps the state dirty.</summary>
    private async Task SaveInBackgroundAsync()
    {
        var startedAt = services.TimeProvider.GetUtcNow();
        try
        {
            await WriteAsync();
        }
        catch (InconsistentStateException exception)
        {
            // Another activation wrote this device's state: this one is stale. Let the next activation read it.
            LogSaveConflict(services.Logger, exception, DeviceId);
            _dirty = false;
            DeactivateOnIdle();
        }
        catch (Exception exception)
        {
            var retryAfter = services.Options.SaveRetryInterval;
            _nextSaveAtUtc = startedAt.UtcDateTime + retryAfter;
            LogSaveFailed(services.Logger, exception, DeviceId, retryAfter);
            services.Metrics.StateWriteFailures.Add(1);
        }
    }

    /// <summary>
    /// Writes the state. The grain storage serializes it before its own first await (see <see cref="DeviceStateStorage"/>),
    /// so the state is taken within this turn, never while another turn changes it, and the turns that follow may change
    /// it at once. The exported detector state is dropped when the write is done, and the ETag is updated then, before
    /// the next write (callers await the one in flight first).
    /// </summary>
    private async Task WriteAsync()
    {
        _state.SeenSeqs = [.. _seen.Ranges];
        _state.DetectorState = _detector.ExportState();
        _samplesUntilSave = services.Options.SaveEverySamples;
        _nextSaveAtUtc = services.TimeProvider.GetUtcNow().UtcDateTime + services.Options.SaveInterval;
        _dirty = false;
        try
        {
            await DeviceStateStorage.WriteAsync(services.Storage, this.GetGrainId(), this);
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
        _state.DetectorState = null;
        _state.SeenSeqs = [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Anomaly episode {EpisodeNumber} opened on device {DeviceId}: {Explanation}")]
    private static partial void LogEpisodeOpened(ILogger logger, string deviceId, int episodeNumber, string? explanation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anomaly episode {EpisodeNumber} closed on device {DeviceId}")]
    private static partial void LogEpisodeClosed(ILogger logger, string deviceId, int episodeNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Work order {WorkOrderNumber} for device {DeviceId} ({IdempotencyKey}) assigned to {AssigneeId}; new: {Created}")]
    private static partial void LogWorkOrderOpened(ILogger logger, string deviceId, string workOrderNumber, string idempotencyKey, string? assigneeId, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} runs model version {Version} (was {Previous})")]
    private static partial void LogModelApplied(ILogger logger, string deviceId, string? version, string? previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RUL forecast of device {DeviceId} with model version {Version} failed; the order is opened without one")]
    private static partial void LogForecastFailed(ILogger logger, Exception exception, string deviceId, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State write of device {DeviceId} failed; the state stays dirty and is written again in {RetryAfter}")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string deviceId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "State of device {DeviceId} was written by another activation; this one deactivates without writing")]
    private static partial void LogSaveConflict(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open the work order {IdempotencyKey} for device {DeviceId}; retrying")]
    private static partial void LogWorkOrderOpenFailed(ILogger logger, Exception exception, string deviceId, string idempotencyKey);
}
