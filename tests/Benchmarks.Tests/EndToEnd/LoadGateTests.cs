using Microsoft.Extensions.Time.Testing;
using WorkOrders.Benchmarks.EndToEnd;
using WorkOrders.Testing;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class LoadGateTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HoldsBackThePublishBeyondTheWindow_UntilAMessageIsConsumed()
    {
        var consumer = new FakeConsumer();
        var time = new FakeTimeProvider();
        await using var gate = new LoadGate(window: 3, consumer.Read, time);

        var firstThree = Enumerable.Range(0, 3).Select(_ => gate.WaitAsync(CancellationToken.None)).ToArray();
        var fourth = gate.WaitAsync(CancellationToken.None);
        await consumer.PollsAsync(time, ticks: 2);

        Assert.All(firstThree, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.False(fourth.IsCompleted, "a fourth publish went out with three unconsumed in a window of 3");
        consumer.Consume(1);
        await consumer.PollsAsync(time, ticks: 2);
        await fourth.WaitAsync(Patience);
        var fifth = gate.WaitAsync(CancellationToken.None);
        await consumer.PollsAsync(time, ticks: 2);
        Assert.False(fifth.IsCompleted, "a fifth publish went out with three unconsumed in a window of 3");
    }

    [Fact]
    public async Task NeverLetsMoreThanTheWindowGoUnconsumed_OverManyPollsAndPublishes()
    {
        const int window = 5;
        var consumer = new FakeConsumer();
        var time = new FakeTimeProvider();
        await using var gate = new LoadGate(window, consumer.Read, time);
        var published = 0;

        for (var round = 0; round < 20; round++)
        {
            var pending = TakeEveryCredit(gate, ref published);
            Assert.True(published - consumer.Consumed <= window, $"{published - consumer.Consumed} unconsumed in a window of {window}");
            consumer.Consume(round % 3 + 1);
            await consumer.PollsAsync(time, ticks: 2);
            await pending.WaitAsync(Patience);
            published++;
            Assert.True(published - consumer.Consumed <= window, $"{published - consumer.Consumed} unconsumed in a window of {window}");
        }

        _ = TakeEveryCredit(gate, ref published);
        Assert.Equal(consumer.Consumed + window, published);
    }

    [Fact]
    public async Task CountsOnlyWhatIsConsumedAfterItOpens()
    {
        var consumer = new FakeConsumer();
        consumer.Consume(100);
        var time = new FakeTimeProvider();
        await using var gate = new LoadGate(window: 2, consumer.Read, time);

        var granted = Enumerable.Range(0, 2).Select(_ => gate.WaitAsync(CancellationToken.None)).ToArray();
        var third = gate.WaitAsync(CancellationToken.None);
        await consumer.PollsAsync(time, ticks: 2);

        Assert.All(granted, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.False(third.IsCompleted, "messages consumed before the gate opened were credited to this phase");
    }

    [Fact]
    public async Task GivesBackTheCreditOfAPublishTheBrokerDidNotTake()
    {
        var consumer = new FakeConsumer();
        var time = new FakeTimeProvider();
        await using var gate = new LoadGate(window: 1, consumer.Read, time);
        await gate.WaitAsync(CancellationToken.None);
        var second = gate.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        gate.Return();

        await second.WaitAsync(Patience);
    }

    /// <summary>Publishes while credits are at hand; returns the wait that found none.</summary>
    private static Task TakeEveryCredit(LoadGate gate, ref int published)
    {
        while (true)
        {
            var wait = gate.WaitAsync(CancellationToken.None);
            if (!wait.IsCompletedSuccessfully)
            {
                return wait;
            }

            published++;
        }
    }

    /// <summary>The consumer's count as the gate polls it, and how many times it was polled (the test's sync point).</summary>
    private sealed class FakeConsumer
    {
        private long _consumed;
        private long _polls;

        public long Consumed => Interlocked.Read(ref _consumed);

        public long Read()
        {
            Interlocked.Increment(ref _polls);
            return Interlocked.Read(ref _consumed);
        }

        public void Consume(long count) => Interlocked.Add(ref _consumed, count);

        /// <summary>
        /// Moves the clock a tick at a time and waits until the gate has polled after each: after two, the first
        /// poll's credits (if any) have been released, since one pump loop polls, releases, then waits for the next tick.
        /// </summary>
        public async Task PollsAsync(FakeTimeProvider time, int ticks)
        {
            for (var i = 0; i < ticks; i++)
            {
                var before = Interlocked.Read(ref _polls);
                time.Advance(Tick);
                await Eventually.AssertAsync(() => Task.FromResult(Interlocked.Read(ref _polls) > before), Patience, "the gate to poll the consumer after a tick");
            }
        }
    }
}
