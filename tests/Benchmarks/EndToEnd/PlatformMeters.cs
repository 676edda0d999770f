using System.Diagnostics.Metrics;
using WorkOrders.Grains.Devices;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// Listens to the platform's own instruments: ingest's batch record ends a batch cycle on the <see cref="StageClock"/>;
/// the grains' <c>pdm.grains.receive_to_scored_ms</c> (measured from ingest receipt) is kept beside the harness's own
/// publish → scored; active grains, dead letters, duplicates, batch failures, episodes and broker drops are counted;
/// the embedded store's checkpoint passes are kept per phase, those that hold the write gate (stalling ingest) on the
/// <see cref="PauseTimeline"/>.
/// </summary>
internal sealed class PlatformMeters : IDisposable
{
    private const string BrokerMeter = "WorkOrders.Broker";
    private readonly MeterListener _listener = new();
    private readonly StageClock _clock;
    private readonly PauseTimeline _pauses;
    private long _activeDevices;
    private long _deadLetters;
    private long _ingestDuplicates;
    private long _batchFailures;
    private long _episodesOpened;
    private long _brokerDropped;
    private readonly Lock _checkpointsGate = new();
    private List<double> _checkpointMs = [];

    public PlatformMeters(StageClock clock, PauseTimeline pauses)
    {
        _clock = clock;
        _pauses = pauses;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is IngestMetrics.MeterName or GrainMetrics.MeterName or BrokerMeter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "pdm.ingest.batch_size")
            {
                _clock.PipelineFinished(value);
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Count(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "pdm.grains.receive_to_scored_ms")
            {
                _clock.GrainMeasured(value);
            }
            else if (instrument.Name == "pdm.ingest.store.checkpoint_duration")
            {
                if (HoldsWrites(tags))
                {
                    _pauses.StoreHeldWrites(value);
                    return;
                }

                lock (_checkpointsGate)
                {
                    _checkpointMs.Add(value);
                }
            }
        });
        _listener.Start();
    }

    public long ActiveDevices => Interlocked.Read(ref _activeDevices);

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public long IngestDuplicates => Interlocked.Read(ref _ingestDuplicates);

    public long BatchFailures => Interlocked.Read(ref _batchFailures);

    public long EpisodesOpened => Interlocked.Read(ref _episodesOpened);

    public long BrokerDropped => Interlocked.Read(ref _brokerDropped);

    /// <summary>
    /// The store's checkpoint passes beside the writes since the last call, described (count, median, longest,
    /// total); those that held writes back go to the <see cref="PauseTimeline"/>.
    /// </summary>
    public string TakeCheckpoints()
    {
        List<double> taken;
        lock (_checkpointsGate)
        {
            (taken, _checkpointMs) = (_checkpointMs, []);
        }

        return $"store checkpoints beside writes {Percentiles.Of(taken)} = {taken.Sum() / 1000:N1} s";
    }

    public void Dispose() => _listener.Dispose();

    private static bool HoldsWrites(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: "holds_writes", Value: true })
            {
                return true;
            }
        }

        return false;
    }

    private void Count(string instrument, long value)
    {
        ref var counter = ref _activeDevices;
        switch (instrument)
        {
            case "pdm.grains.active_devices": counter = ref _activeDevices; break;
            case "pdm.ingest.dead_letters": counter = ref _deadLetters; break;
            case "pdm.ingest.duplicates": counter = ref _ingestDuplicates; break;
            case "pdm.ingest.batch_failures": counter = ref _batchFailures; break;
            case "pdm.episodes.opened": counter = ref _episodesOpened; break;
            case "pdm.broker.dropped_messages": counter = ref _brokerDropped; break;
            default: return;
        }

        Interlocked.Add(ref counter, value);
    }
}
