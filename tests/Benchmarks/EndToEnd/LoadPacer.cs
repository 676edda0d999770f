namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The paced phase's clock: one timer hands out publish tokens at the plan's rate, and the connections take them in
/// turn (first come, first served). One timer instead of one <see cref="Task.Delay(TimeSpan)"/> per publish: with
/// 1,000 connections those delays contended on the runtime's timer lock and cost the load generator more CPU than
/// ingest used, on the cores the platform is measured on. Tokens not taken in time (a connection waiting for its
/// PUBACK or for the window) stay available, so the phase catches up as the per-connection schedule did.
/// </summary>
internal sealed class LoadPacer : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(2);

    private readonly SemaphoreSlim _tokens = new(0);
    private readonly double _messagesPerSecond;
    private readonly int _takers;
    private readonly CancellationToken _stop;
    private readonly TimeProvider _time;
    private readonly Task _clock;

    /// <param name="messagesPerSecond">Tokens a second, over all connections.</param>
    /// <param name="takers">How many connections wait for tokens: each gets one more when the phase stops, to see it.</param>
    /// <param name="stop">Ends the phase.</param>
    /// <param name="time">The clock (the system's; a fake one in the harness's tests).</param>
    public LoadPacer(double messagesPerSecond, int takers, CancellationToken stop, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(takers);
        _messagesPerSecond = messagesPerSecond;
        _takers = takers;
        _stop = stop;
        _time = time ?? TimeProvider.System;
        _clock = RunClockAsync();
    }

    /// <summary>Waits for the next token; returns false once the phase has stopped.</summary>
    public async Task<bool> WaitAsync()
    {
        await _tokens.WaitAsync();
        return !_stop.IsCancellationRequested;
    }

    public async ValueTask DisposeAsync()
    {
        await _clock;
        _tokens.Dispose();
    }

    private async Task RunClockAsync()
    {
        var started = _time.GetTimestamp();
        var released = 0L;
        using var timer = new PeriodicTimer(Tick, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop))
            {
                var due = (long)(_messagesPerSecond * _time.GetElapsedTime(started).TotalSeconds) - released;
                if (due > 0)
                {
                    _tokens.Release((int)Math.Min(due, int.MaxValue - _tokens.CurrentCount));
                    released += due;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        // Wakes every connection still waiting, so that each sees the stop (tokens left over are never taken).
        _tokens.Release(_takers);
    }
}
