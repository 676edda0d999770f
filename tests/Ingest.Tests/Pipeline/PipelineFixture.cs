using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Ingest.Pipeline;
using WorkOrders.Ingest.Validation;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>An <see cref="IngestPipeline"/> over interface-level fakes, on a fake clock.</summary>
internal sealed class PipelineFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 4, 0, 5, TimeSpan.Zero);

    private readonly TestMeterFactory _meters = new();
    private readonly IngestMetrics _metrics;

    public PipelineFixture(params string[] registeredDevices)
    {
        var clock = new FakeTimeProvider(Now);
        Directory = new FakeDeviceDirectory(registeredDevices);
        _metrics = new IngestMetrics(_meters);
        Pipeline = new IngestPipeline(
            new TelemetryValidator(Options.Create(new TelemetryValidationOptions()), clock),
            Directory,
            DeadLetters,
            Store,
            Handoff,
            new RecentSeqFilter(),
            _metrics,
            clock,
            NullLogger<IngestPipeline>.Instance);
    }

    public IngestPipeline Pipeline { get; }

    public FakeDeviceDirectory Directory { get; }

    public FakeDeadLetterStore DeadLetters { get; } = new();

    public FakeTelemetryStore Store { get; } = new();

    public FakeDeviceHandoff Handoff { get; } = new();

    /// <summary>A batch message on the device's telemetry topic, samples one second apart before <see cref="Now"/>.</summary>
    public static InboundMessage Message(string deviceId, params long[] seqs) =>
        Message(TelemetryTopics.Telemetry(deviceId), Body(deviceId, seqs));

    public static InboundMessage Message(string topic, string body) =>
        new(topic, Encoding.UTF8.GetBytes(body), Now, _ => Task.CompletedTask);

    public static string Body(string deviceId, params long[] seqs) =>
        Encoding.UTF8.GetString(TelemetryCodec.Encode(TelemetryMessage.Batch(deviceId,
        [
            .. seqs.Select(seq => new TelemetrySampleMessage(
                seq,
                Now.AddMinutes(-1).AddSeconds(seq % 60),
                new Dictionary<string, double> { ["temperature_c"] = 70 + seq % 10, ["vibration_rms_g"] = 0.3 })),
        ])));

    public void Dispose()
    {
        _metrics.Dispose();
        _meters.Dispose();
    }
}
