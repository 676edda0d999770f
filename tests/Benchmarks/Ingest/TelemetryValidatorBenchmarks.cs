using System.Buffers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Validation;

namespace WorkOrders.Benchmarks.Ingest;

/// <summary>
/// <see cref="TelemetryValidator.Validate"/>: JSON parse plus every rule of docs/telemetry.md, on a 10-sample batch
/// and on the single-sample message that devices (and the e2e harness) publish.
/// </summary>
[MemoryDiagnoser]
public class TelemetryValidatorBenchmarks
{
    private const string DeviceId = "bench-pump-01";
    private readonly string topic = TelemetryTopics.Telemetry(DeviceId);
    private TelemetryValidator validator = null!;
    private ReadOnlySequence<byte> batchOfTen;
    private ReadOnlySequence<byte> singleSample;

    [GlobalSetup]
    public void Setup()
    {
        validator = new TelemetryValidator(Options.Create(new TelemetryValidationOptions()), TimeProvider.System);
        var samples = IngestSamples.Pumps(devices: 1, steps: 10).Select(s => s.Sample).ToList();
        batchOfTen = new ReadOnlySequence<byte>(TelemetryCodec.Encode(TelemetryMessage.Batch(DeviceId, samples)));
        singleSample = new ReadOnlySequence<byte>(TelemetryCodec.Encode(TelemetryMessage.Single(DeviceId, samples[0])));
        if (Validate(batchOfTen) != 10 || Validate(singleSample) != 1)
        {
            throw new InvalidOperationException("The benchmark's telemetry does not validate; the numbers would measure the reject path.");
        }
    }

    [Benchmark(Baseline = true)]
    public int BatchOfTen() => Validate(batchOfTen);

    [Benchmark]
    public int SingleSample() => Validate(singleSample);

    private int Validate(ReadOnlySequence<byte> payload) => validator.Validate(topic, payload).Samples.Count;
}
