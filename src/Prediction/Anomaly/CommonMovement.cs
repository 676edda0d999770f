namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// A load change moves a machine's channels together: current, flow, speed and (with its thermal lag) temperature all
/// start to slope the same way. Each channel's slope, in its own spread, then looks like a new trend the first time the
/// detector sees such a change. The device's common movement is the <b>median</b> of its channels' slope deviations:
/// a fault on one channel (or a minority of them) barely moves the median, a load change moves most channels and so
/// the median. Only what a channel does beyond the device's common movement is scored as its trend; a channel that
/// does not take part (rpm held by its drive, a flat imbalance) or moves the other way is scored as it is, never
/// against the common movement.
/// </summary>
internal static class CommonMovement
{
    /// <summary>Channels with a slope term needed before a common movement is estimated (a median of two is their mean).</summary>
    public const int MinimumChannels = 3;

    /// <summary>
    /// Credits every channel's <see cref="ChannelTerms.TrendZ"/> with the median of the channels that have one, as far as
    /// it goes the same way: the term moves towards 0 by at most the median, and never past 0.
    /// </summary>
    public static void RemoveCommonTrend(Span<ChannelTerms> terms, ReadOnlySpan<double> values)
    {
        Span<double> slopes = terms.Length <= 64 ? stackalloc double[terms.Length] : new double[terms.Length];
        var count = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            if (HasSlope(terms[i], values[i]))
            {
                slopes[count++] = terms[i].TrendZ;
            }
        }

        if (count < MinimumChannels)
        {
            return;
        }

        var median = Median(slopes[..count]);
        for (var i = 0; i < terms.Length; i++)
        {
            if (HasSlope(terms[i], values[i]))
            {
                var trend = terms[i].TrendZ;
                terms[i] = terms[i] with { TrendZ = trend - Math.Clamp(median, Math.Min(0, trend), Math.Max(0, trend)) };
            }
        }
    }

    /// <summary>A channel whose slope term counts: it has a reading and history, and its slope spread is known (the term is not 0).</summary>
    private static bool HasSlope(in ChannelTerms terms, double value) => !double.IsNaN(value) && terms.HasHistory && terms.TrendZ != 0;

    private static double Median(Span<double> values)
    {
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
    }
}
