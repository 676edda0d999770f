using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Outcomes;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Api.Models;

/// <summary>
/// Trains a candidate version from stored history: reads every registered device of the asset type from the
/// time-series store, labels it with the recorded outcomes (and leaves unlabelled episodes out), trains and evaluates
/// (<see cref="ModelTrainer"/>), and stores the bundle with its metrics.
/// </summary>
public sealed partial class ModelTrainingService(
    IServiceProvider services,
    DeviceRegistry devices,
    OutcomeService outcomes,
    ModelRegistry registry,
    IOptions<ModelTrainingOptions> options,
    ILogger<ModelTrainingService> logger)
{
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public async Task<TrainingResult> TrainAsync(TrainModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var assetType = request.AssetType?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(assetType))
        {
            errors["assetType"] = ["assetType is required."];
        }

        if (request.From is null)
        {
            errors["from"] = ["from is required (ISO-8601, e.g. 2026-11-01T00:00:00Z)."];
        }

        if (request.To is null)
        {
            errors["to"] = ["to is required (ISO-8601, e.g. 2026-11-08T00:00:00Z)."];
        }
        else if (request.From is { } f && (request.To <= f || request.To - f > MaxRange))
        {
            errors["to"] = [$"to must be after from and at most {MaxRange.TotalDays} days later."];
        }

        if (errors.Count > 0)
        {
            return TrainingResult.Invalid(errors);
        }

        if (services.GetService<ITelemetryStore>() is not { } telemetry)
        {
            return TrainingResult.Impossible("This node has no time-series store (it does not run the Ingest role); train on a node that does.");
        }

        var (from, to) = (request.From!.Value, request.To!.Value);
        var fleet = await devices.ListAsync(assetType: assetType, cancellationToken: cancellationToken);
        if (fleet.Count == 0)
        {
            return TrainingResult.Impossible($"No device of asset type '{assetType}' is registered.");
        }

        var histories = new List<DeviceHistory>();
        foreach (var device in fleet)
        {
            IReadOnlyList<StoredSample> samples;
            try
            {
                samples = await telemetry.ReadRangeAsync(device.DeviceId, from, to, cancellationToken);
            }
            catch (NotSupportedException ex)
            {
                return TrainingResult.Impossible(ex.Message);
            }

            histories.Add(new DeviceHistory(device.DeviceId, [.. samples.Select(s => new HistorySample(s.Timestamp, s.Readings))]));
        }

        var labels = (await outcomes.LabelsAsync(assetType!, from, to, cancellationToken))
            .Select(o => new LabelWindow(o.DeviceId, o.EpisodeStart, o.EpisodeEnd,
                o.Finding == OutcomeFindings.Confirmed ? LabelKind.ConfirmedFault : LabelKind.KnownNormal))
            .Concat((await outcomes.UnlabelledEpisodesAsync(assetType!, from, to, cancellationToken))
                .Select(e => new LabelWindow(e.DeviceId, e.Start, e.End, LabelKind.Unlabelled)))
            .ToList();

        TrainedModel trained;
        try
        {
            var progress = new Progress<string>(step => LogProgress(assetType!, step));
            trained = await Task.Run(() => new ModelTrainer(options.Value).Train(assetType!, histories, labels, progress, cancellationToken), cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return TrainingResult.Impossible(ex.Message);
        }

        var metrics = JsonSerializer.Serialize(trained.Metrics, ModelsJsonContext.Default.TrainingMetrics);
        var artifact = ModelArtifact.Write(assetType!, trained.Bundle);
        var version = await registry.AddCandidateAsync(new NewModelVersion(assetType!, from, to, trained.Devices, metrics, artifact), cancellationToken);
        LogTrained(version.Label, trained.Devices.Count, labels.Count);
        return TrainingResult.Trained(version);
    }

    [LoggerMessage(121, LogLevel.Information, "Training {AssetType}: {Step}")]
    private partial void LogProgress(string assetType, string step);

    [LoggerMessage(122, LogLevel.Information, "Trained candidate {Label} from {Devices} devices and {Labels} labelled windows")]
    private partial void LogTrained(string label, int devices, int labels);
}
