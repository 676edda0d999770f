using BenchmarkDotNet.Attributes;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Benchmarks.Ingest;

/// <summary><see cref="TelemetryCodec.Decode"/> of the wire contract: one sample, and a batch of ten.</summary>
[MemoryDiagnoser]
public class TelemetryCodecBenchmarks
{
    private const string DeviceId = "bench-pump-01";
    private byte[] singleSample = [];
    private byte[] batchOfTen = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = IngestSamples.Pumps(devices: 1, steps: 10).Select(s => s.Sample).ToList();
        singleSample = TelemetryCodec.Encode(TelemetryMessage.Single(DeviceId, samples[0]));
        batchOfTen = TelemetryCodec.Encode(TelemetryMessage.Batch(DeviceId, samples));
    }

    [Benchmark(Baseline = true)]
    public long? DecodeSingleSample() => TelemetryCodec.Decode(singleSample).Seq;

    [Benchmark]
    public int? DecodeBatchOfTen() => TelemetryCodec.Decode(batchOfTen).Samples?.Count;
}
