using System.Globalization;
using WorkOrders.Benchmarks.EndToEnd;
using Xunit.Abstractions;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

/// <summary>
/// The real harness in this process on its embedded defaults (MQTTnet broker, SQLite, the embedded time-series store),
/// a small fleet and short phases: every phase runs, the audit reads every seq back, and the RESULT line comes out.
/// </summary>
[Collection(nameof(E2eSmokeTests))]
public sealed class E2eSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StoresEverySampleTheBrokerAcknowledged_ExactlyOnce_AndWritesAParseableResultLine()
    {
        var options = E2eOptions.Parse([
            "--devices", "20", "--seconds", "3", "--drain-timeout", "60", "--memory-rounds", "2", "--memory-idle", "0",
        ]);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var progress = new StringWriter(CultureInfo.InvariantCulture);
        var previous = Progress.Writer;
        Progress.Writer = TextWriter.Synchronized(progress);
        E2eResult result;
        try
        {
            result = await new E2eRun(options).ExecuteAsync(deadline.Token);
        }
        finally
        {
            Progress.Writer = previous;
            output.WriteLine(progress.ToString());
        }

        var fields = ResultLine.Parse(result.ToResultLine());

        Assert.Equal(0, result.Lost);
        Assert.Equal(0, result.Duplicated);
        Assert.True(result.BrokerMessagesPerSecond > 0, "the broker-only phase consumed nothing");
        Assert.True(result.EndToEndMessagesPerSecond > 0, "the platform phase consumed nothing");
        Assert.True(result.P50Ms > 0 && result.P99Ms >= result.P50Ms, $"latency p50 {result.P50Ms} ms, p99 {result.P99Ms} ms");
        Assert.Equal("20", fields["devices"]);
        Assert.Equal("0", fields["lost"]);
        Assert.Equal("0", fields["duplicated"]);
        Assert.True(double.Parse(fields["e2e_msgs_per_s"], CultureInfo.InvariantCulture) > 0);
        Assert.True(double.Parse(fields["ratio"], CultureInfo.InvariantCulture) > 0);
    }
}
