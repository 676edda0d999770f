using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Ingest.Validation;
using static WorkOrders.Ingest.Tests.Validation.ValidatorFixture;

namespace WorkOrders.Ingest.Tests.Validation;

public sealed class TelemetryValidatorTests
{
    private const string DocsBody =
        """{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2,"vibration_rms_g":0.31}}""";

    /// <summary>A realistic body for every reason the validator gives; unknown_device is the pipeline's (see IngestPipelineTests).</summary>
    public static TheoryData<string, string, string, string> RejectedBodies => new()
    {
        { "truncated body", Topic, """{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:""", RejectReason.BadJson },
        { "not an object", Topic, "[71.2,0.31]", RejectReason.BadJson },
        { "JSON null", Topic, "null", RejectReason.BadJson },
        { "seq as text", Topic, """{"deviceId":"pump-17","seq":"42","ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2}}""", RejectReason.BadJson },
        { "bare NaN token (not JSON)", Topic, """{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":NaN}}""", RejectReason.BadJson },
        { "status topic", "pdm/v1/pump-17/status", DocsBody, RejectReason.BadTopic },
        { "space in device id", "pdm/v1/pump 17/telemetry", DocsBody.Replace("pump-17", "pump 17", StringComparison.Ordinal), RejectReason.BadTopic },
        { "other version", "pdm/v2/pump-17/telemetry", DocsBody, RejectReason.BadTopic },
        { "no deviceId", Topic, """{"seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2}}""", RejectReason.MissingField },
        { "no seq", Topic, """{"deviceId":"pump-17","ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2}}""", RejectReason.MissingField },
        { "no ts", Topic, """{"deviceId":"pump-17","seq":42,"readings":{"temperature_c":71.2}}""", RejectReason.MissingField },
        { "no readings", Topic, """{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:00:00.123Z"}""", RejectReason.MissingField },
        { "empty readings", Topic, """{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{}}""", RejectReason.MissingField },
        { "neither sample nor samples", Topic, """{"deviceId":"pump-17"}""", RejectReason.MissingField },
        { "empty samples", Topic, """{"deviceId":"pump-17","samples":[]}""", RejectReason.MissingField },
        { "null sample", Topic, """{"deviceId":"pump-17","samples":[null]}""", RejectReason.MissingField },
        { "body of another device", Topic, DocsBody.Replace("pump-17", "pump-18", StringComparison.Ordinal), RejectReason.DeviceMismatch },
        { "device id differs in case", Topic, DocsBody.Replace("pump-17", "PUMP-17", StringComparison.Ordinal), RejectReason.DeviceMismatch },
        { "negative seq", Topic, DocsBody.Replace("\"seq\":42", "\"seq\":-1", StringComparison.Ordinal), RejectReason.InvalidSeq },
        { "upper-case reading", Topic, DocsBody.Replace("temperature_c", "Temperature_C", StringComparison.Ordinal), RejectReason.InvalidReadingName },
        { "dash in reading", Topic, DocsBody.Replace("temperature_c", "temperature-c", StringComparison.Ordinal), RejectReason.InvalidReadingName },
        { "reading starts with a digit", Topic, DocsBody.Replace("temperature_c", "1_temperature_c", StringComparison.Ordinal), RejectReason.InvalidReadingName },
        { "NaN as the string \"NaN\"", Topic, DocsBody.Replace("71.2", "\"NaN\"", StringComparison.Ordinal), RejectReason.NonFiniteValue },
        { "infinite as \"Infinity\"", Topic, DocsBody.Replace("71.2", "\"Infinity\"", StringComparison.Ordinal), RejectReason.NonFiniteValue },
        { "infinite as \"-Infinity\"", Topic, DocsBody.Replace("0.31", "\"-Infinity\"", StringComparison.Ordinal), RejectReason.NonFiniteValue },
        { "temperature above 1500 °C", Topic, DocsBody.Replace("71.2", "1500.5", StringComparison.Ordinal), RejectReason.ValueOutOfRange },
        { "temperature below -100 °C", Topic, DocsBody.Replace("71.2", "-273.15", StringComparison.Ordinal), RejectReason.ValueOutOfRange },
        { "humidity above 100 %", Topic, DocsBody.Replace("temperature_c\":71.2", "humidity_pct\":100.1", StringComparison.Ordinal), RejectReason.ValueOutOfRange },
        { "reading beyond the absolute bound", Topic, DocsBody.Replace("0.31", "2e9", StringComparison.Ordinal), RejectReason.ValueOutOfRange },
        { "ts six minutes ahead", Topic, DocsBody.Replace("2026-11-24T04:00:00.123Z", "2026-11-24T04:05:05.001Z", StringComparison.Ordinal), RejectReason.FutureTimestamp },
        { "ts a year ahead", Topic, DocsBody.Replace("2026-11-24", "2027-11-24", StringComparison.Ordinal), RejectReason.FutureTimestamp },
        { "ts from the epoch", Topic, DocsBody.Replace("2026-11-24T04:00:00.123Z", "1970-01-01T00:00:00Z", StringComparison.Ordinal), RejectReason.StaleTimestamp },
        { "ts 30 days and a second old", Topic, DocsBody.Replace("2026-11-24T04:00:00.123Z", "2026-10-25T04:00:04Z", StringComparison.Ordinal), RejectReason.StaleTimestamp },
        { "1001 samples", Topic, Batch("pump-17", Enumerable.Range(1, 1001).Select(seq => Sample(seq))), RejectReason.TooManySamples },
        { "101 readings", Topic, DocsBody.Replace("\"vibration_rms_g\":0.31", string.Join(',', Enumerable.Range(1, 100).Select(i => $"\"extra_{i}\":1")) + ",\"vibration_rms_g\":0.31", StringComparison.Ordinal), RejectReason.TooManyReadings },
    };

    [Theory]
    [MemberData(nameof(RejectedBodies))]
    public void RejectsTheMessage_WithItsReason(string because, string topic, string body, string reason)
    {
        var validator = Create();

        var result = validator.Validate(topic, body);

        Assert.True(result.Samples.Count == 0, $"{because}: expected no accepted sample");
        Assert.Equal(reason, Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public void RejectsAnOversizedBody_BeforeParsingIt()
    {
        var validator = Create(options => options.MaxPayloadBytes = 1024);
        var body = Batch("pump-17", Enumerable.Range(1, 20).Select(seq => Sample(seq)));

        var result = validator.Validate(Topic, body);

        Assert.Empty(result.Samples);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectReason.Oversized, rejection.Reason);
        Assert.Equal($"The body has {body.Length} bytes; at most 1024 are accepted.", rejection.Detail);
    }

    [Fact]
    public void EveryRejectReason_HasARealisticBody()
    {
        var reasons = typeof(RejectReason)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        var covered = RejectedBodies.Select(row => (string)row[3])
            .Append(RejectReason.Oversized)
            .Append(RejectReason.UnknownDevice)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(reasons, covered);
    }

    [Fact]
    public void AcceptsTheSingleSampleBodyOfTheDocs()
    {
        var validator = Create();

        var result = validator.Validate(Topic, DocsBody);

        Assert.Equal("pump-17", result.DeviceId);
        Assert.Empty(result.Rejections);
        var sample = Assert.Single(result.Samples);
        Assert.Equal(42, sample.Seq);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 4, 0, 0, 123, TimeSpan.Zero), sample.Timestamp);
        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 71.2, ["vibration_rms_g"] = 0.31 }, sample.Readings);
        Assert.Null(sample.ReceivedAt);
    }

    [Fact]
    public void AcceptsTheGoodSamplesOfABatch_AndRejectsOnlyTheBadOne()
    {
        var validator = Create();
        var body = Batch("pump-17",
        [
            Sample(41, "2026-11-24T03:59:59.123Z"),
            Sample(42, readings: """{"temperature_c":"NaN","vibration_rms_g":0.31}"""),
            Sample(43, "2026-11-24T04:00:01.123Z", """{"temperature_c":71.4,"vibration_rms_g":0.30}"""),
        ]);

        var result = validator.Validate(Topic, body);

        Assert.Equal("pump-17", result.DeviceId);
        Assert.Equal([41L, 43L], result.Samples.Select(s => s.Seq));
        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 71.4, ["vibration_rms_g"] = 0.30 }, result.Samples[1].Readings);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(RejectReason.NonFiniteValue, rejection.Reason);
        Assert.Equal("sample 1 (seq 42): 'temperature_c' is NaN; only finite numbers are accepted.", rejection.Detail);
    }

    [Fact]
    public void RejectsEachBadSampleOfABatch_WithItsOwnReason()
    {
        var validator = Create();
        var body = Batch("pump-17",
        [
            Sample(1),
            """{"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2}}""",
            Sample(3, "2026-11-24T05:00:00Z"),
            Sample(4, readings: """{"temperature_c":2000}"""),
            Sample(5, readings: """{"Temperature":71.2}"""),
            Sample(6),
        ]);

        var result = validator.Validate(Topic, body);

        Assert.Equal([1L, 6L], result.Samples.Select(s => s.Seq));
        Assert.Equal(
            [RejectReason.MissingField, RejectReason.FutureTimestamp, RejectReason.ValueOutOfRange, RejectReason.InvalidReadingName],
            result.Rejections.Select(r => r.Reason));
    }

    [Fact]
    public void AcceptsTimestamps_AtTheEdgesOfTheAllowedWindow()
    {
        var validator = Create();
        var body = Batch("pump-17",
        [
            Sample(1, "2026-11-24T04:05:05Z"),
            Sample(2, "2026-10-25T04:00:05Z"),
        ]);

        var result = validator.Validate(Topic, body);

        Assert.Empty(result.Rejections);
        Assert.Equal([1L, 2L], result.Samples.Select(s => s.Seq));
    }

    [Fact]
    public void JudgesTimestamps_AgainstTheClockAtTheTimeOfValidation()
    {
        var clock = new FakeTimeProvider(Now);
        var validator = new TelemetryValidator(Options.Create(new TelemetryValidationOptions()), clock);
        var body = DocsBody.Replace("2026-11-24T04:00:00.123Z", "2026-11-24T04:10:00Z", StringComparison.Ordinal);
        var early = validator.Validate(Topic, body);

        clock.Advance(TimeSpan.FromMinutes(5));
        var later = validator.Validate(Topic, body);

        Assert.Equal(RejectReason.FutureTimestamp, Assert.Single(early.Rejections).Reason);
        Assert.Empty(later.Rejections);
        Assert.Equal(42, Assert.Single(later.Samples).Seq);
    }

    [Fact]
    public void AcceptsValues_AtTheEdgesOfTheirRanges()
    {
        var validator = Create();
        var body = DocsBody.Replace(
            "\"temperature_c\":71.2,\"vibration_rms_g\":0.31",
            "\"temperature_c\":1500,\"inlet_c\":-100,\"humidity_pct\":0,\"load_pct\":100,\"vibration_rms_g\":-1e9",
            StringComparison.Ordinal);

        var result = validator.Validate(Topic, body);

        Assert.Empty(result.Rejections);
        Assert.Equal(5, Assert.Single(result.Samples).Readings.Count);
    }

    [Fact]
    public void AcceptsExactlyMaxSamplesPerMessage()
    {
        var validator = Create();
        var body = Batch("pump-17", Enumerable.Range(1, 1000).Select(seq => Sample(seq)));

        var result = validator.Validate(Topic, body);

        Assert.Empty(result.Rejections);
        Assert.Equal(1000, result.Samples.Count);
    }

    [Fact]
    public void NamesTheTopicsDevice_WhenTheBodyIsRejectedWhole()
    {
        var validator = Create();

        var result = validator.Validate(Topic, "{not json");

        Assert.Equal("pump-17", result.DeviceId);
        Assert.Equal(RejectReason.BadJson, Assert.Single(result.Rejections).Reason);
    }
}
