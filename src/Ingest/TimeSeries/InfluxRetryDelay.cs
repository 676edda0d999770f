using System.Net.Http.Headers;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>How long to wait before retry number <c>retry</c> (1-based): the server's Retry-After when it sent one,
/// otherwise exponential back-off with "equal jitter" (between half and all of base·2^(retry-1), capped).</summary>
internal static class InfluxRetryDelay
{
    public static TimeSpan For(int retry, InfluxOptions options, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, double jitter)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * Math.Clamp(jitter, 0, 1)));
    }
}
