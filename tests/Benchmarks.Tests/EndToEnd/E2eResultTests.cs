using WorkOrders.Benchmarks.EndToEnd;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class E2eResultTests
{
    [Fact]
    public void WritesTheResultLine_WithTheIssuesFieldsInTheIssuesOrder()
    {
        var result = new E2eResult(
            Devices: 20, BrokerMessagesPerSecond: 1_234.4, EndToEndMessagesPerSecond: 617.2, P50Ms: 12.34, P99Ms: 56.78,
            Lost: 0, Duplicated: 3, GrainBytesPerDevice: 4_567);

        var line = result.ToResultLine();

        Assert.Equal(
            "RESULT devices=20 broker_msgs_per_s=1234 e2e_msgs_per_s=617 ratio=0.500 p50_ms=12.3 p99_ms=56.8 lost=0 duplicated=3 grain_bytes_per_device=4567",
            line);
    }

    [Fact]
    public void WritesNumbersWithoutGroupSeparators_SoThatTheLineSplitsOnSpaces()
    {
        var result = new E2eResult(10_000, 123_456.7, 98_765.4, 1_234.5, 9_876.5, 12_345, 67_890, 1_234_567);

        var fields = ResultLine.Parse(result.ToResultLine());

        Assert.Equal(ResultLine.FieldNames, fields.Keys);
        Assert.Equal(
            ["10000", "123457", "98765", "0.800", "1234.5", "9876.5", "12345", "67890", "1234567"],
            fields.Values);
    }

    [Fact]
    public void ReportsARatioOfZero_WhenTheBrokerMeasuredNothing()
    {
        var result = new E2eResult(1, 0, 50, 1, 2, 0, 0, 0);

        Assert.Equal(0, result.Ratio);
        Assert.Equal("0.000", ResultLine.Parse(result.ToResultLine())["ratio"]);
    }

    [Fact]
    public void ParsingRejectsALine_WhoseFieldsAreOutOfOrder()
    {
        const string swapped =
            "RESULT devices=20 e2e_msgs_per_s=617 broker_msgs_per_s=1234 ratio=0.500 p50_ms=12.3 p99_ms=56.8 lost=0 duplicated=3 grain_bytes_per_device=4567";

        Assert.Throws<FormatException>(() => ResultLine.Parse(swapped));
    }
}
