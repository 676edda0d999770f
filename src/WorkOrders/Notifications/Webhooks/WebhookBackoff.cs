namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>Exponential backoff with jitter: <c>min(MaxDelay, BaseDelay · 2^(failures-1)) · (1 + JitterFraction · random)</c>.</summary>
public static class WebhookBackoff
{
    /// <param name="failures">Failed attempts so far (1 after the first failure).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int failures, WebhookOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponent = Math.Min(failures - 1, 30);
        var ticks = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * (double)(1L << exponent));
        return TimeSpan.FromTicks((long)(ticks * (1 + (options.JitterFraction * random))));
    }
}
