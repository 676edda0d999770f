using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class LineProtocolTests
{
    private static readonly DateTimeOffset Ts = DateTimeOffset.Parse("2024-01-02T03:04:05.678Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Encode_WritesDeviceTag_ReadingsSortedByName_SeqAsInteger_AndTheTimestampInMilliseconds()
    {
        var sample = new StoredSample("pump-1", 42, Ts, new Dictionary<string, double> { ["vibration"] = 0.25, ["temperature"] = 21.5 });

        var lines = LineProtocol.Encode([sample]);

        Assert.Equal("telemetry,device=pump-1 temperature=21.5,vibration=0.25,seq=42i 1704164645678\n", lines);
    }

    [Fact]
    public void Writer_EscapesTheSpecsWorkedExample_ExactlyAsTheSpecShowsIt()
    {
        // The escaping example of the InfluxDB line-protocol reference, with a millisecond timestamp.
        var writer = new LineProtocolWriter();

        writer.Measurement("\"measurement with quo⚡es and emoji\"")
            .Tag("tag key with sp🚀ces", "tag,value,with\"commas\"")
            .Field("field_k\\ey", "string field value, only \" need be esc🍭ped")
            .EndPoint(Ts);

        Assert.Equal(
            "\"measurement\\ with\\ quo⚡es\\ and\\ emoji\",tag\\ key\\ with\\ sp🚀ces=tag\\,value\\,with\"commas\" " +
            "field_k\\ey=\"string field value, only \\\" need be esc🍭ped\" 1704164645678\n",
            writer.ToString());
    }

    [Fact]
    public void Writer_EscapesCommasAndSpaces_ButNotEqualsSigns_InMeasurements()
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("cpu load,a=b").Field("v", 1L).EndPoint(Ts);

        Assert.Equal("cpu\\ load\\,a=b v=1i 1704164645678\n", writer.ToString());
    }

    [Fact]
    public void Writer_EscapesCommasEqualsSignsAndSpaces_InTagKeysTagValuesAndFieldKeys()
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("m").Tag("a key,=", "a value,=").Field("a field,=", 1.5).EndPoint(Ts);

        Assert.Equal("m,a\\ key\\,\\==a\\ value\\,\\= a\\ field\\,\\==1.5 1704164645678\n", writer.ToString());
    }

    [Fact]
    public void Writer_EscapesDoubleQuotesAndBackslashes_InStringFields_AndNothingElse()
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("m").Field("s", "C:\\temp, \"quoted\" = ok").EndPoint(Ts);

        Assert.Equal("m s=\"C:\\\\temp, \\\"quoted\\\" = ok\" 1704164645678\n", writer.ToString());
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void Writer_WritesFloats_InvariantAndRoundTrippable_WithoutAnIntegerSuffix(double value, string expected)
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("m").Field("f", value).EndPoint(Ts);

        Assert.Equal($"m f={expected} 1704164645678\n", writer.ToString());
    }

    [Theory]
    [InlineData(0L, "0i")]
    [InlineData(-5L, "-5i")]
    [InlineData(long.MaxValue, "9223372036854775807i")]
    public void Writer_WritesIntegers_WithTheISuffix(long value, string expected)
    {
        var writer = new LineProtocolWriter();

        writer.Measurement("m").Field("n", value).EndPoint(Ts);

        Assert.Equal($"m n={expected} 1704164645678\n", writer.ToString());
    }

    [Fact]
    public void Encode_SkipsNaNAndInfiniteReadings_AndKeepsTheRest()
    {
        var sample = new StoredSample("d", 7, Ts, new Dictionary<string, double>
        {
            ["a"] = double.NaN, ["b"] = 2, ["c"] = double.PositiveInfinity, ["d"] = double.NegativeInfinity,
        });

        var lines = LineProtocol.Encode([sample]);

        Assert.Equal("telemetry,device=d b=2,seq=7i 1704164645678\n", lines);
    }

    [Fact]
    public void Writer_DropsAPointLeftWithoutFields_AndKeepsTheNextOne()
    {
        var writer = new LineProtocolWriter();

        var first = writer.Measurement("m").Tag("t", "x").Field("f", double.NaN).EndPoint(Ts);
        var second = writer.Measurement("m").Field("f", 1.0).EndPoint(Ts);

        Assert.False(first);
        Assert.True(second);
        Assert.Equal("m f=1 1704164645678\n", writer.ToString());
        Assert.Equal(1, writer.LineCount);
    }

    [Fact]
    public void Encode_WritesOneLinePerSample_InOrder()
    {
        StoredSample[] samples =
        [
            new("a", 1, Ts, new Dictionary<string, double> { ["x"] = 1 }),
            new("b", 2, Ts.AddMilliseconds(1), new Dictionary<string, double>()),
        ];

        var lines = LineProtocol.Encode(samples);

        Assert.Equal("telemetry,device=a x=1,seq=1i 1704164645678\ntelemetry,device=b seq=2i 1704164645679\n", lines);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("ends with backslash\\")]
    [InlineData("backslash\\,before comma")]
    [InlineData("")]
    public void Encode_RefusesDeviceIds_ThatLineProtocolCannotCarry(string deviceId)
    {
        var sample = new StoredSample(deviceId, 1, Ts, new Dictionary<string, double> { ["x"] = 1 });

        Assert.Throws<ArgumentException>(() => LineProtocol.Encode([sample]));
    }

    [Fact]
    public void Encode_KeepsABackslash_ThatEscapesNothing()
    {
        var sample = new StoredSample("a\\b", 1, Ts, new Dictionary<string, double>());

        var lines = LineProtocol.Encode([sample]);

        Assert.Equal("telemetry,device=a\\b seq=1i 1704164645678\n", lines);
    }

    [Theory]
    [InlineData("seq")]
    [InlineData("time")]
    public void Encode_RefusesReadingNames_ReservedByTheStore(string name)
    {
        var sample = new StoredSample("d", 1, Ts, new Dictionary<string, double> { [name] = 1 });

        var error = Assert.Throws<ArgumentException>(() => LineProtocol.Encode([sample]));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_RefusesATagAfterAField()
    {
        var writer = new LineProtocolWriter().Measurement("m").Field("f", 1L);

        Assert.Throws<InvalidOperationException>(() => writer.Tag("t", "v"));
    }
}
