using System.Diagnostics;

namespace WorkOrders.Testing;

/// <summary>
/// The one place that waits on real servers: polls a condition until it holds or a deadline passes.
/// Tests use this instead of <c>Task.Delay</c>.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Polls <paramref name="condition"/> until it returns true. Exceptions from the condition count as "not yet"
    /// (a server that is still starting); on timeout throws a <see cref="TimeoutException"/> that says what it waited for.
    /// </summary>
    public static async Task AssertAsync(
        Func<Task<bool>> condition, TimeSpan timeout, string waitingFor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(waitingFor);

        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromMilliseconds(10);
        Exception? lastError = null;
        var attempts = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            attempts++;
            try
            {
                if (await condition().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                lastError = ex;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var because = lastError is null ? "" : $" The last check threw {lastError.GetType().Name}: {lastError.Message}";
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.###} s ({attempts} checks) waiting for {waitingFor}.{because}",
                    lastError);
            }

            await Task.Delay(interval < left ? interval : left, ct).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
        }
    }
}
