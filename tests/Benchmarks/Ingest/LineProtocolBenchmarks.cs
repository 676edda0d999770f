using System.Text;
using BenchmarkDotNet.Attributes;
using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Benchmarks.Ingest;

/// <summary>
/// InfluxDB line protocol for one default write batch (<see cref="InfluxOptions.BatchSize"/> = 5,000 points of nine
/// readings): <see cref="LineProtocol.Encode"/>, and the body exactly as <see cref="InfluxLineProtocolStore"/> builds it
/// (a reused buffer, then UTF-8 bytes).
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private const int Points = 5_000;
    private readonly StringBuilder buffer = new();
    private StoredSample[] samples = [];

    [GlobalSetup]
    public void Setup() =>
        samples = [.. IngestSamples.Pumps(devices: 500, steps: Points / 500)
            .Select(s => new StoredSample(s.DeviceId, s.Sample.Seq!.Value, s.Sample.Ts!.Value, s.Sample.Readings!))];

    [Benchmark(Baseline = true)]
    public int Encode5000Points() => LineProtocol.Encode(samples).Length;

    [Benchmark]
    public int StoreBody5000Points()
    {
        var writer = new LineProtocolWriter(buffer.Clear());
        foreach (var sample in samples)
        {
            LineProtocol.Append(writer, sample);
        }

        return Encoding.UTF8.GetBytes(writer.ToString()).Length;
    }
}
