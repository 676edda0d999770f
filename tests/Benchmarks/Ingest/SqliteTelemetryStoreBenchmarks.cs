using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.Ingest;

/// <summary>
/// The embedded store's write of one full ingest batch (<c>Ingest:Mqtt:BatchSize</c> = 500 samples of nine readings
/// from 500 devices) into a SQLite file on disk: one transaction, one prepared INSERT per row, readings as JSON. Every call
/// writes new seqs, so nothing is ignored as a duplicate; the table grows as it would.
/// </summary>
[MemoryDiagnoser]
public class SqliteTelemetryStoreBenchmarks
{
    private const int BatchSize = 500;
    private string directory = "";
    private SqliteTelemetryStore store = null!;
    private StoredSample[] template = [];
    private long round;

    [GlobalSetup]
    public void Setup()
    {
        directory = Directory.CreateTempSubdirectory("pdm-store-bench-").FullName;
        store = new SqliteTelemetryStore(
            Options.Create(new EmbeddedStoreOptions { Path = Path.Combine(directory, "telemetry.db"), MaxRows = long.MaxValue }),
            TimeProvider.System,
            NullLogger<SqliteTelemetryStore>.Instance);
        template = [.. IngestSamples.Pumps(devices: BatchSize, steps: 1)
            .Select(s => new StoredSample(s.DeviceId, 0, s.Sample.Ts!.Value, s.Sample.Readings!))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark]
    public async Task Write500Samples()
    {
        var seq = ++round;
        await store.WriteAsync([.. template.Select(s => s with { Seq = seq, Timestamp = s.Timestamp.AddSeconds(seq) })]);
    }
}
