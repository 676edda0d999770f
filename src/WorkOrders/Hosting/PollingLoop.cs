namespace WorkOrders.Maintenance.Hosting;

/// <summary>
/// The loop of the store-polling background services (outbox relay, webhook dispatcher, durable timers, training
/// worker): run a pass; the next one at once after a pass that did work, otherwise after the poll interval. A failed
/// pass (the database restarting, a timed-out call) is reported and retried after the interval; it never stops the host.
/// Returns when <paramref name="stoppingToken"/> is cancelled.
/// </summary>
public static class PollingLoop
{
    /// <param name="pass">One pass; returns whether it did work (then the next pass starts at once).</param>
    /// <param name="pollInterval">How long to wait after an idle or failed pass.</param>
    /// <param name="clock">The clock the waits run on (a fake one in tests).</param>
    /// <param name="passFailed">Reports a failed pass (logging).</param>
    /// <param name="stoppingToken">Stops the loop.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> pass,
        TimeSpan pollInterval,
        TimeProvider clock,
        Action<Exception> passFailed,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(passFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool busy;
            try
            {
                busy = await pass(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed pass must not stop the host; the next pass retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                passFailed(exception);
                busy = false;
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(pollInterval, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
