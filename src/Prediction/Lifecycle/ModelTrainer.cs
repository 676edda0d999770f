using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Lifecycle;

/// <summary>
/// Trains a model version from stored history and outcome labels: normal data is everything outside confirmed and
/// unlabelled episodes (no-fault-found windows count as normal), split by device (or, with one device, by time) into
/// training and holdout; the asset-type baseline learns from the training part and is scored on both; confirmed faults
/// with enough history before them become run-to-failure units for a RUL model.
/// </summary>
public sealed class ModelTrainer(ModelTrainingOptions options)
{
    private const int Rank = 2;
    private const double ChannelPresence = 0.9;

    public TrainedModel Train(
        string assetType, IReadOnlyList<DeviceHistory> devices, IReadOnlyList<LabelWindow> labels,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(labels);
        var withData = devices.Where(d => d.Samples.Count > 0).OrderBy(d => d.DeviceId, StringComparer.Ordinal).ToList();
        if (withData.Count == 0)
        {
            throw new InvalidOperationException($"No stored telemetry of a '{assetType}' device in the training range.");
        }

        progress?.Report($"labelling {withData.Sum(d => d.Samples.Count)} samples of {withData.Count} devices with {labels.Count} outcome windows");
        int knownNormal = 0, excluded = 0;
        var normal = new Dictionary<string, List<HistorySample>>(StringComparer.Ordinal);
        foreach (var device in withData)
        {
            var own = labels.Where(l => l.DeviceId == device.DeviceId).ToList();
            var kept = normal[device.DeviceId] = [];
            foreach (var sample in device.Samples)
            {
                if (own.Any(l => l.Kind == LabelKind.KnownNormal && Inside(l, sample.Timestamp)))
                {
                    knownNormal++;
                    kept.Add(sample);
                }
                else if (own.Any(l => l.Kind != LabelKind.KnownNormal && Inside(l, sample.Timestamp)))
                {
                    excluded++;
                }
                else
                {
                    kept.Add(sample);
                }
            }
        }

        var channels = Channels(normal.Values.SelectMany(s => s));
        var (train, holdout) = Split(withData.Select(d => d.DeviceId).ToList(), normal);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report($"training the {assetType} baseline on {channels.Count} channels");
        AssetTypeBaseline? baseline = null;
        string? baselineSkipped = null;
        double? trainError = null, holdoutError = null;
        if (channels.Count <= Rank)
        {
            baselineSkipped = $"a rank-{Rank} baseline needs more than {Rank} channels; found {channels.Count}";
        }
        else
        {
            try
            {
                baseline = new AssetTypeBaselineTrainer(Rank).Train(assetType, channels, Windows(train));
                trainError = BaselineError.Mean(baseline, Windows(train));
                holdoutError = BaselineError.Mean(baseline, Windows(holdout));
            }
            catch (ArgumentException ex)
            {
                baselineSkipped = ex.Message;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (rul, units, rulSkipped) = TrainRul(withData, labels, channels, progress, cancellationToken);
        var metrics = new TrainingMetrics(
            channels, CountDevices(train), CountDevices(holdout), normal.Values.Sum(s => s.Count), knownNormal, excluded,
            trainError, holdoutError, baselineSkipped, units, rul?.Manifest.Metrics.HoldoutRmse, rul?.Manifest.Metrics.HoldoutMae, rulSkipped);
        return new TrainedModel(new ModelBundle(baseline, rul, options.RulCycle), [.. withData.Select(d => d.DeviceId)], metrics);
    }

    private (RulModel? Model, int Units, string? Skipped) TrainRul(
        List<DeviceHistory> devices, IReadOnlyList<LabelWindow> labels, IReadOnlyList<string> channels,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var rows = new List<RulRow>();
        var units = 0;
        foreach (var fault in labels.Where(l => l.Kind == LabelKind.ConfirmedFault))
        {
            if (devices.FirstOrDefault(d => d.DeviceId == fault.DeviceId) is not { } device)
            {
                continue;
            }

            var cycles = RulCycles.Aggregate(device.Samples.Where(s => s.Timestamp <= fault.End).Select(s => (s.Timestamp, s.Readings)), options.RulCycle);
            if (cycles.Count < options.MinimumUnitCycles || RulCycles.Rows([.. cycles.Select(c => c.Means)], channels) is not { } values)
            {
                continue;
            }

            var unit = $"{fault.DeviceId}@{fault.End:O}";
            rows.AddRange(values.Select((v, i) => new RulRow(unit, i, v)));
            units++;
        }

        if (units < 2)
        {
            return (null, units, $"a RUL model needs at least 2 confirmed failures with {options.MinimumUnitCycles} cycles of history; found {units}");
        }

        progress?.Report($"training the RUL model on {units} run-to-failure units");
        var horizon = Math.Max(1, options.Horizon / options.RulCycle);
        var model = new RulTrainer(new RulTrainingOptions { Horizon = horizon })
            .Train(new RulDataset(channels, rows), progress, cancellationToken);
        return (model, units, null);
    }

    private (Dictionary<string, List<HistorySample>> Train, Dictionary<string, List<HistorySample>> Holdout) Split(
        List<string> deviceIds, Dictionary<string, List<HistorySample>> normal)
    {
        if (deviceIds.Count >= 2)
        {
            var holdout = deviceIds.Where((_, i) => i % options.HoldoutEveryNthDevice == 0).ToHashSet(StringComparer.Ordinal);
            return (normal.Where(n => !holdout.Contains(n.Key)).ToDictionary(), normal.Where(n => holdout.Contains(n.Key)).ToDictionary());
        }

        var only = normal[deviceIds[0]];
        var cut = (int)(only.Count * 0.8);
        return (new() { [deviceIds[0]] = only[..cut] }, new() { [deviceIds[0]] = only[cut..] });
    }

    private List<IReadOnlyList<IReadOnlyDictionary<string, double>>> Windows(Dictionary<string, List<HistorySample>> samples) =>
    [
        .. samples.Values.SelectMany(s => s.Chunk(options.WindowSamples))
            .Where(w => w.Length >= options.WindowSamples / 2)
            .Select(w => (IReadOnlyList<IReadOnlyDictionary<string, double>>)[.. w.Select(s => s.Readings)]),
    ];

    private static int CountDevices(Dictionary<string, List<HistorySample>> samples) => samples.Count(s => s.Value.Count > 0);

    private static bool Inside(LabelWindow label, DateTimeOffset timestamp) => timestamp >= label.Start && timestamp <= label.End;

    private static List<string> Channels(IEnumerable<HistorySample> samples)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var sample in samples)
        {
            total++;
            foreach (var (name, value) in sample.Readings)
            {
                if (double.IsFinite(value))
                {
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
            }
        }

        return [.. counts.Where(c => c.Value >= ChannelPresence * total).Select(c => c.Key).Order(StringComparer.Ordinal)];
    }
}
