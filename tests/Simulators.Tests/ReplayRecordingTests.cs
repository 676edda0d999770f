namespace WorkOrders.Simulators.Tests;

public class ReplayRecordingTests
{
    [Fact]
    public void ACsv_BecomesSamples_InTimeOrder_WithMissingCellsLeftOut()
    {
        const string csv = """
            timestamp,device_id,temperature_c,vibration_rms_g
            2025-02-01T10:00:10Z,x,41.5,
            2025-02-01T10:00:00Z,x,41.2,0.12

            1738404020,x,41.9,0.13
            """;

        var recording = ReplayRecording.Parse(new StringReader(csv));

        Assert.Equal(3, recording.Samples.Count);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero), recording.Samples[0].Ts);
        Assert.Equal(new Dictionary<string, double> { ["temperature_c"] = 41.5 }, recording.Samples[1].Readings);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 10, 0, 20, TimeSpan.Zero), recording.Samples[2].Ts);
        Assert.All(recording.Samples, s => Assert.Null(s.Seq));
    }

    [Fact]
    public void ABadCell_IsNamedByLineAndColumn()
    {
        const string csv = "ts,temperature_c\n2025-02-01T10:00:00Z,41\n2025-02-01T10:00:10Z,warm\n";

        var error = Assert.Throws<FormatException>(() => ReplayRecording.Parse(new StringReader(csv), "trace.csv"));

        Assert.Equal("trace.csv:3: column 'temperature_c' holds 'warm', not a number", error.Message);
    }

    [Fact]
    public void ACsvWithoutATimeColumn_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => ReplayRecording.Parse(new StringReader("a,b\n1,2\n"), "x.csv"));

        Assert.StartsWith("x.csv:1: no time column", error.Message, StringComparison.Ordinal);
    }
}
