using Microsoft.Extensions.Time.Testing;
using WorkOrders.Benchmarks.EndToEnd;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class LoadPacerTests
{
    /// <summary>A deadline for the pacer's clock loop to hand out what is due (it runs on the thread pool), not a measured time.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1_000, 10, 10)]
    [InlineData(250, 10, 2)]
    [InlineData(250, 12, 3)]
    [InlineData(100, 100, 10)]
    public async Task HandsOutAsManyTokensAsTheRateAllows_ForTheTimeThatPassed(double rate, int elapsedMs, int expected)
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        await using var pacer = new LoadPacer(rate, takers: 1, stop.Token, time);

        time.Advance(TimeSpan.FromMilliseconds(elapsedMs));
        var taken = await TakeAsync(pacer, expected);
        var oneMore = pacer.WaitAsync();

        Assert.Equal(expected, taken);
        Assert.False(oneMore.IsCompleted, $"a token beyond the {expected} due after {elapsedMs} ms at {rate}/s was handed out");
        await stop.CancelAsync();
        Assert.False(await oneMore.WaitAsync(Patience));
    }

    [Fact]
    public async Task KeepsTokensNobodyTookInTime_SoThatTheLoadCatchesUp()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        await using var pacer = new LoadPacer(1_000, takers: 1, stop.Token, time);

        time.Advance(TimeSpan.FromMilliseconds(4));
        time.Advance(TimeSpan.FromMilliseconds(4));
        time.Advance(TimeSpan.FromMilliseconds(4));
        var taken = await TakeAsync(pacer, 12);
        var oneMore = pacer.WaitAsync();

        Assert.Equal(12, taken);
        Assert.False(oneMore.IsCompleted, "a 13th token was handed out after 12 ms at 1,000/s");
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(await oneMore.WaitAsync(Patience));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task ReleasesEveryWaitingTaker_WithFalse_WhenThePhaseStops()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var pacer = new LoadPacer(1_000, takers: 3, stop.Token, time);
        var waiters = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync()).ToArray();

        Assert.All(waiters, w => Assert.False(w.IsCompleted));
        await stop.CancelAsync();
        var seen = await Task.WhenAll(waiters).WaitAsync(Patience);

        Assert.Equal([false, false, false], seen);
        await pacer.DisposeAsync().AsTask().WaitAsync(Patience);
    }

    [Fact]
    public async Task AnswersFalse_ForATokenTakenAfterTheStop()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        await using var pacer = new LoadPacer(1_000, takers: 1, stop.Token, time);
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(await pacer.WaitAsync().WaitAsync(Patience));

        await stop.CancelAsync();

        Assert.False(await pacer.WaitAsync().WaitAsync(Patience));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(100, 0)]
    public void RefusesARateOrTakersThatAreNotPositive(double rate, int takers)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadPacer(rate, takers, CancellationToken.None, new FakeTimeProvider()));
    }

    /// <summary>Takes <paramref name="count"/> tokens, each one true (the phase is running).</summary>
    private static async Task<int> TakeAsync(LoadPacer pacer, int count)
    {
        var taken = 0;
        for (var i = 0; i < count; i++)
        {
            Assert.True(await pacer.WaitAsync().WaitAsync(Patience), "the pacer said the phase had stopped");
            taken++;
        }

        return taken;
    }
}
