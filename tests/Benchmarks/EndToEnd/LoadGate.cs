namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// End-to-end flow control of the load: at most <c>window</c> messages published but not yet consumed. Without it,
/// publishers flat out fill the broker's queue for the subscriber faster than it is served (the embedded broker
/// acknowledges ~30× faster than it delivers to one subscriber while 1,000 connections publish; mosquitto 2.0.11 drains
/// a subscriber's queue at ~200 msgs/s), so a window would measure the broker's queueing rather than the consumer. With it, the rate is what the consumer sustains, with
/// queueing bounded by the window. A publish takes a credit; a consumed message (polled every few ms) returns one.
/// </summary>
internal sealed class LoadGate : IAsyncDisposable
{
    private readonly SemaphoreSlim _credits;
    private readonly Func<long> _consumed;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private long _credited;

    /// <param name="window">Messages published but not yet consumed, at most.</param>
    /// <param name="consumed">How many messages the consumer has taken so far (polled every tick).</param>
    /// <param name="time">The clock of the polling (the system's; a fake one in the harness's tests).</param>
    public LoadGate(int window, Func<long> consumed, TimeProvider? time = null)
    {
        Window = window;
        _credits = new SemaphoreSlim(window);
        _consumed = consumed;
        _time = time ?? TimeProvider.System;
        _credited = consumed();
        _pump = PumpAsync();
    }

    public int Window { get; }

    public Task WaitAsync(CancellationToken cancellationToken) => _credits.WaitAsync(cancellationToken);

    /// <summary>Gives back the credit of a publish that the broker did not take.</summary>
    public void Return() => _credits.Release();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
        _credits.Dispose();
    }

    private async Task PumpAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var consumed = _consumed();
                if (consumed > _credited)
                {
                    _credits.Release((int)Math.Min(consumed - _credited, int.MaxValue));
                    _credited = consumed;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
