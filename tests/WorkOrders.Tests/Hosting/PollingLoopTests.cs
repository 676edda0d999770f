using Microsoft.Extensions.Time.Testing;
using WorkOrders.Maintenance.Hosting;

namespace WorkOrders.Tests.Hosting;

public sealed class PollingLoopTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_busy_pass_is_followed_at_once_and_an_idle_one_waits_for_the_interval()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var results = new Queue<bool>([true, true, false]);
        var passes = 0;
        var third = new TaskCompletionSource();
        var loop = PollingLoop.RunAsync(
            _ =>
            {
                passes++;
                if (passes == 3)
                {
                    third.TrySetResult();
                }

                return Task.FromResult(results.Count > 0 ? results.Dequeue() : false);
            },
            Interval, clock, _ => { }, stop.Token);

        await third.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, passes); // Two busy passes, then the idle one, without the clock moving.

        clock.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, passes);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => Volatile.Read(ref passes) == 4);

        stop.Cancel();
        clock.Advance(Interval);
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_failed_pass_is_reported_and_retried_after_the_interval_without_ending_the_loop()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var passes = 0;
        var failures = new List<Exception>();
        var loop = PollingLoop.RunAsync(
            _ => ++passes == 1
                ? throw new TimeoutException("database restarting")
                : Task.FromResult(false),
            Interval, clock, failures.Add, stop.Token);

        await WaitUntilAsync(() => failures.Count == 1);
        Assert.IsType<TimeoutException>(failures[0]);
        Assert.Equal(1, passes);

        clock.Advance(Interval);
        await WaitUntilAsync(() => Volatile.Read(ref passes) == 2);
        Assert.False(loop.IsCompleted);

        stop.Cancel();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_cancellation_that_is_not_a_stop_counts_as_a_failed_pass()
    {
        var clock = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();
        var loop = PollingLoop.RunAsync(
            _ => throw new TaskCanceledException("an HTTP call timed out"),
            Interval, clock, failures.Add, stop.Token);

        await WaitUntilAsync(() => failures.Count == 1);
        Assert.False(loop.IsCompleted);

        stop.Cancel();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(loop.IsCompletedSuccessfully);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
