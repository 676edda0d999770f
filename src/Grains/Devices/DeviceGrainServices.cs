using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using WorkOrders.Contracts.Devices;
using WorkOrders.Contracts.Maintenance;
using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Grains.Devices;

/// <summary>
/// Everything a device grain needs from the silo, resolved once and shared by every activation: an active grain then
/// holds one reference to its collaborators instead of one field each (thousands of activations per silo).
/// </summary>
internal sealed class DeviceGrainServices(
    [FromKeyedServices(GrainStorage.Devices)] IGrainStorage storage,
    IAnomalyDetectorFactory detectorFactory,
    IOptions<AnomalyDetectorOptions> anomalyOptions,
    IOptions<DeviceGrainOptions> options,
    IDeviceDirectory directory,
    IPredictiveWorkOrders workOrders,
    IActiveModels activeModels,
    GrainMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DeviceGrain> logger)
{
    public IGrainStorage Storage { get; } = storage;

    public IAnomalyDetectorFactory DetectorFactory { get; } = detectorFactory;

    public AnomalyDetectorOptions AnomalyOptions { get; } = anomalyOptions.Value;

    public DeviceGrainOptions Options { get; } = options.Value;

    public IDeviceDirectory Directory { get; } = directory;

    public IPredictiveWorkOrders WorkOrders { get; } = workOrders;

    public IActiveModels ActiveModels { get; } = activeModels;

    public GrainMetrics Metrics { get; } = metrics;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;
}
