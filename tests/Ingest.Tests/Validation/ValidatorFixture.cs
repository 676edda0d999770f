using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Ingest.Validation;

namespace WorkOrders.Ingest.Tests.Validation;

/// <summary>A validator on a fake clock that stands a few seconds after the docs' example timestamp.</summary>
internal static class ValidatorFixture
{
    public const string Topic = "pdm/v1/pump-17/telemetry";

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 4, 0, 5, TimeSpan.Zero);

    public static TelemetryValidator Create(Action<TelemetryValidationOptions>? configure = null)
    {
        var options = new TelemetryValidationOptions();
        configure?.Invoke(options);
        return new TelemetryValidator(Options.Create(options), new FakeTimeProvider(Now));
    }

    public static ValidatedMessage Validate(this TelemetryValidator validator, string topic, string body) =>
        validator.Validate(topic, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)));

    /// <summary>One sample object of a batch, as the edge agent writes it.</summary>
    public static string Sample(long seq, string ts = "2026-11-24T04:00:00.123Z", string readings = """{"temperature_c":71.2,"vibration_rms_g":0.31}""") =>
        $$"""{"seq":{{seq}},"ts":"{{ts}}","readings":{{readings}}}""";

    public static string Batch(string deviceId, IEnumerable<string> samples) =>
        $$"""{"deviceId":"{{deviceId}}","samples":[{{string.Join(',', samples)}}]}""";
}
