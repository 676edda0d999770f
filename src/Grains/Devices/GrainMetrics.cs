using System.Diagnostics.Metrics;

namespace WorkOrders.Grains.Devices;

/// <summary>The device grains' instruments, on the meter <see cref="MeterName"/>.</summary>
public sealed class GrainMetrics : IDisposable
{
    public const string MeterName = "WorkOrders.Grains";

    private readonly Meter _meter;

    public GrainMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        ActiveDevices = _meter.CreateUpDownCounter<long>("pdm.grains.active_devices", description: "Device grains active in this silo");
        DetectorScores = _meter.CreateHistogram<double>("pdm.detector.score", description: "Anomaly scores of scored samples (0..1)");
        SamplesScored = _meter.CreateCounter<long>("pdm.grains.samples_scored", description: "Samples scored by device grains");
        EpisodesOpened = _meter.CreateCounter<long>("pdm.episodes.opened", description: "Anomaly episodes opened");
        WorkOrdersOpened = _meter.CreateCounter<long>("pdm.workorders.predictive_opened", description: "Predictive work orders opened by grains");
        StateWriteFailures = _meter.CreateCounter<long>("pdm.grains.state_write_failures", description: "Periodic device state writes that failed (retried after Devices:SaveRetryInterval)");
        ReceiveToScoredLatency = _meter.CreateHistogram<double>("pdm.grains.receive_to_scored_ms", unit: "ms", description: "Delay from ingest receiving a message to its sample being scored");
    }

    public UpDownCounter<long> ActiveDevices { get; }

    public Histogram<double> DetectorScores { get; }

    public Counter<long> SamplesScored { get; }

    public Counter<long> EpisodesOpened { get; }

    public Counter<long> WorkOrdersOpened { get; }

    public Histogram<double> ReceiveToScoredLatency { get; }

    public Counter<long> StateWriteFailures { get; }

    public void Dispose() => _meter.Dispose();
}
