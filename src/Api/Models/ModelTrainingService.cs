using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.TimeSeries;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Models.Training;
using WorkOrders.Maintenance.Outcomes;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Api.Models;

/// <summary>
/// Trains the candidate a claimed job asks for: reads every registered device of the asset type from the time-series
/// store, labels it with the recorded outcomes (and leaves unlabelled episodes out), trains and evaluates
/// (<see cref="ModelTrainer"/>), and stores the bundle with its metrics. Reports its stage and percent as it goes;
/// throws with a message the job keeps when nothing can be trained.
/// </summary>
public sealed partial class ModelTrainingService(
    IServiceProvider services,
    DeviceRegistry devices,
    OutcomeService outcomes,
    ModelRegistry registry,
    IOptions<ModelTrainingOptions> options,
    ILogger<ModelTrainingService> logger) : ITrainingJobRunner
{
    private const int ReadingEnds = 50;

    public bool IsAvailable => services.GetService<ITelemetryStore>() is not null;

    public async Task<Guid> RunAsync(ClaimedTrainingJob job, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var telemetry = services.GetService<ITelemetryStore>()
            ?? throw new InvalidOperationException("This node has no time-series store (it does not run the Ingest role); train on a node that does.");
        var (assetType, from, to) = (job.AssetType, job.From, job.To);
        var fleet = await devices.ListAsync(assetType: assetType, cancellationToken: cancellationToken);
        if (fleet.Count == 0)
        {
            throw new InvalidOperationException($"No device of asset type '{assetType}' is registered.");
        }

        var histories = new List<DeviceHistory>();
        foreach (var device in fleet)
        {
            progress.Report(new($"reading history ({histories.Count + 1} of {fleet.Count} devices)", ReadingEnds * histories.Count / fleet.Count));
            var samples = await telemetry.ReadRangeAsync(device.DeviceId, from, to, cancellationToken);
            histories.Add(new DeviceHistory(device.DeviceId, [.. samples.Select(s => new HistorySample(s.Timestamp, s.Readings))]));
        }

        progress.Report(new("reading the recorded outcomes", ReadingEnds));
        var labels = (await outcomes.LabelsAsync(assetType, from, to, cancellationToken))
            .Select(o => new LabelWindow(o.DeviceId, o.EpisodeStart, o.EpisodeEnd,
                o.Finding == OutcomeFindings.Confirmed ? LabelKind.ConfirmedFault : LabelKind.KnownNormal))
            .Concat((await outcomes.UnlabelledEpisodesAsync(assetType, from, to, cancellationToken))
                .Select(e => new LabelWindow(e.DeviceId, e.Start, e.End, LabelKind.Unlabelled)))
            .ToList();

        var steps = new TrainerSteps(progress, step => LogProgress(assetType, step));
        var trained = await Task.Run(() => new ModelTrainer(options.Value).Train(assetType, histories, labels, steps, cancellationToken), cancellationToken);

        progress.Report(new("storing the candidate version", 95));
        var metrics = JsonSerializer.Serialize(trained.Metrics, ModelsJsonContext.Default.TrainingMetrics);
        var artifact = ModelArtifact.Write(assetType, trained.Bundle);
        var version = await registry.AddCandidateAsync(new NewModelVersion(assetType, from, to, trained.Devices, metrics, artifact), cancellationToken);
        LogTrained(version.Label, trained.Devices.Count, labels.Count);
        return version.Id;
    }

    [LoggerMessage(121, LogLevel.Information, "Training {AssetType}: {Step}")]
    private partial void LogProgress(string assetType, string step);

    [LoggerMessage(122, LogLevel.Information, "Trained candidate {Label} from {Devices} devices and {Labels} labelled windows")]
    private partial void LogTrained(string label, int devices, int labels);

    /// <summary>The trainer's steps as job progress: its known stages move the percent on, finer steps keep it.</summary>
    private sealed class TrainerSteps(IProgress<TrainingProgress> progress, Action<string> log) : IProgress<string>
    {
        private int percent = ReadingEnds;

        public void Report(string value)
        {
            log(value);
            var stage = value.StartsWith("labelling", StringComparison.Ordinal) ? 55
                : value.StartsWith("training the RUL", StringComparison.Ordinal) ? 75
                : value.StartsWith("training the", StringComparison.Ordinal) ? 60
                : percent;
            percent = Math.Max(percent, stage);
            progress.Report(new(value, percent));
        }
    }
}
