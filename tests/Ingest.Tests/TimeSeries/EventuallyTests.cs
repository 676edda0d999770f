using WorkOrders.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class EventuallyTests
{
    [Fact]
    public async Task AssertAsync_Returns_AsSoonAsTheConditionHolds()
    {
        var checks = 0;

        await Eventually.AssertAsync(() => Task.FromResult(++checks == 3), TimeSpan.FromSeconds(30), "the third check");

        Assert.Equal(3, checks);
    }

    [Fact]
    public async Task AssertAsync_Throws_WithWhatItWaitedFor_WhenTheDeadlinePasses()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.AssertAsync(() => Task.FromResult(false), TimeSpan.FromMilliseconds(100), "the pigs to fly"));

        Assert.Contains("waiting for the pigs to fly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertAsync_KeepsPolling_WhileTheConditionThrows_AndReportsTheLastError()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.AssertAsync(() => throw new IOException("connection refused"), TimeSpan.FromMilliseconds(100),
                "the server to answer"));

        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
    }
}
