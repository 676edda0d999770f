using System.Text.Json;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>Creates detectors, seeded from the asset type's baseline when the catalog has one. Thread-safe and stateless.</summary>
public sealed class AnomalyDetectorFactory(AnomalyDetectorOptions options, AnomalyBaselineCatalog catalog) : IAnomalyDetectorFactory
{
    public AnomalyDetectorFactory(AnomalyDetectorOptions options)
        : this(options, AnomalyBaselineCatalog.Empty)
    {
    }

    public AnomalyDetectorOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Rates and channel names shared by the detectors this factory creates.</summary>
    private readonly DetectorSharing shared = new(options);

    public IAnomalyDetector Create(string assetType, string? exportedState = null)
    {
        ArgumentNullException.ThrowIfNull(assetType);
        var baseline = catalog.Find(assetType);
        if (string.IsNullOrWhiteSpace(exportedState))
        {
            return new StreamingAnomalyDetector(assetType, Options, baseline, shared);
        }

        DetectorStateDocument? state;
        try
        {
            state = JsonSerializer.Deserialize(exportedState, DetectorStateJsonContext.Default.DetectorStateDocument);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The exported anomaly detector state is not valid JSON: {ex.Message}", nameof(exportedState), ex);
        }

        if (state is null || state.Version != DetectorStateDocument.CurrentVersion || state.Channels.Length != state.ChannelStates.Length)
        {
            throw new ArgumentException(
                $"The exported anomaly detector state has an unsupported shape (version {state?.Version}, expected {DetectorStateDocument.CurrentVersion}).",
                nameof(exportedState));
        }

        return new StreamingAnomalyDetector(Options, baseline, state, shared);
    }
}
