using System.Text;
using System.Text.Json;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Contracts.Tests.Telemetry;

public sealed class TelemetryCodecTests
{
    // The bodies of docs/telemetry.md, byte for byte.
    private const string SingleBody =
        """{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2,"vibration_rms_g":0.31}}""";

    private const string BatchBody =
        """{"deviceId":"pump-17","samples":[{"seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":71.2,"vibration_rms_g":0.31}},{"seq":43,"ts":"2026-11-24T04:00:01.123Z","readings":{"temperature_c":71.3,"vibration_rms_g":0.29}}]}""";

    private static readonly DateTimeOffset Ts = new(2026, 11, 24, 4, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Decode_ReadsTheSingleSampleBody()
    {
        var message = TelemetryCodec.Decode(Encoding.UTF8.GetBytes(SingleBody));

        Assert.Equal("pump-17", message.DeviceId);
        Assert.Equal(42, message.Seq);
        Assert.Equal(Ts, message.Ts);
        Assert.Equal(TimeSpan.Zero, message.Ts!.Value.Offset);
        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 71.2, ["vibration_rms_g"] = 0.31 }, message.Readings);
        Assert.Null(message.Samples);
    }

    [Fact]
    public void Decode_ReadsTheBatchBody()
    {
        var message = TelemetryCodec.Decode(Encoding.UTF8.GetBytes(BatchBody));

        Assert.Equal("pump-17", message.DeviceId);
        Assert.Null(message.Seq);
        Assert.Null(message.Ts);
        Assert.Null(message.Readings);
        Assert.NotNull(message.Samples);
        Assert.Equal(2, message.Samples.Count);
        Assert.Equal(42, message.Samples[0].Seq);
        Assert.Equal(Ts, message.Samples[0].Ts);
        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 71.2, ["vibration_rms_g"] = 0.31 }, message.Samples[0].Readings);
        Assert.Equal(43, message.Samples[1].Seq);
        Assert.Equal(Ts.AddSeconds(1), message.Samples[1].Ts);
        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 71.3, ["vibration_rms_g"] = 0.29 }, message.Samples[1].Readings);
    }

    [Fact]
    public void Single_BuildsTheMessageThatTheSingleBodyDecodesTo()
    {
        var message = TelemetryMessage.Single("pump-17", new TelemetrySampleMessage(
            42, Ts, new Dictionary<string, double> { ["temperature_c"] = 71.2, ["vibration_rms_g"] = 0.31 }));

        var encoded = TelemetryCodec.Encode(message);

        Assert.Equal(TelemetryCodec.Encode(TelemetryCodec.Decode(Encoding.UTF8.GetBytes(SingleBody))), encoded);
    }

    [Fact]
    public void Batch_BuildsTheMessageThatTheBatchBodyDecodesTo()
    {
        var message = TelemetryMessage.Batch("pump-17",
        [
            new(42, Ts, new Dictionary<string, double> { ["temperature_c"] = 71.2, ["vibration_rms_g"] = 0.31 }),
            new(43, Ts.AddSeconds(1), new Dictionary<string, double> { ["temperature_c"] = 71.3, ["vibration_rms_g"] = 0.29 }),
        ]);

        var encoded = TelemetryCodec.Encode(message);

        Assert.Equal(TelemetryCodec.Encode(TelemetryCodec.Decode(Encoding.UTF8.GetBytes(BatchBody))), encoded);
    }

    [Theory]
    [InlineData(SingleBody)]
    [InlineData(BatchBody)]
    public void RoundTrip_GivesBackTheBodyOfTheDocs(string body)
    {
        var decoded = TelemetryCodec.Decode(Encoding.UTF8.GetBytes(body));

        var encoded = Encoding.UTF8.GetString(TelemetryCodec.Encode(decoded));

        Assert.Equal(body, encoded);
    }

    [Fact]
    public void RoundTrip_KeepsEveryValueOfABatch()
    {
        var original = TelemetryMessage.Batch("pump-17",
        [
            new(7, Ts, new Dictionary<string, double> { ["pressure_hpa"] = 1013.25 }),
            new(8, Ts.AddMilliseconds(500), new Dictionary<string, double> { ["pressure_hpa"] = 1013.5 }),
        ]);

        var decoded = TelemetryCodec.Decode(TelemetryCodec.Encode(original));

        Assert.Equal(original.DeviceId, decoded.DeviceId);
        Assert.NotNull(decoded.Samples);
        var samples = original.Samples!;
        Assert.Equal(samples.Select(s => (s.Seq, s.Ts)), decoded.Samples.Select(s => (s.Seq, s.Ts)));
        Assert.Equal(samples.Select(s => s.Readings!["pressure_hpa"]), decoded.Samples.Select(s => s.Readings!["pressure_hpa"]));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"deviceId":"pump-17","seq":"forty-two"}""")]
    [InlineData("""{"deviceId":"pump-17","seq":42,"ts":"2026-11-24T04:00:00.123Z","readings":{"temperature_c":"NaN"}}""")]
    [InlineData("""{"deviceId":"pump-17",""")]
    public void Decode_Throws_WhenTheBodyIsNotATelemetryObject(string body)
    {
        var decode = () => TelemetryCodec.Decode(Encoding.UTF8.GetBytes(body));

        Assert.Throws<JsonException>(decode);
    }
}
