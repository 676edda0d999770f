namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Turns scores into episodes without flapping. Closed: an episode opens once <see cref="AnomalyDetectorOptions.OpenAfter"/>
/// samples reach the open threshold within <see cref="AnomalyDetectorOptions.OpenWindow"/> samples of the first one.
/// Open: it closes only after <see cref="AnomalyDetectorOptions.CloseAfter"/> consecutive samples below the (lower) close threshold.
/// </summary>
public static class EpisodeTracker
{
    public static (EpisodeState Next, EpisodeChange Change) Observe(
        EpisodeState current, DateTimeOffset timestamp, AnomalyScore score, AnomalyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(options);

        if (score.WarmingUp || double.IsNaN(score.Score))
        {
            return (current, EpisodeChange.None);
        }

        return current.IsOpen
            ? WhileOpen(current, score, options)
            : WhileClosed(current, timestamp, score, options);
    }

    private static (EpisodeState, EpisodeChange) WhileClosed(
        EpisodeState current, DateTimeOffset timestamp, AnomalyScore score, AnomalyDetectorOptions options)
    {
        var above = score.Score >= options.OpenThreshold;
        var inWindow = current.AboveCount > 0;
        if (!inWindow && !above)
        {
            return current.BelowCount == 0 && current.AboveCount == 0
                ? (current, EpisodeChange.None)
                : (current with { AboveCount = 0, BelowCount = 0 }, EpisodeChange.None);
        }

        var aboveCount = current.AboveCount + (above ? 1 : 0);
        var belowCount = current.BelowCount + (above ? 0 : 1);
        var peak = inWindow ? Math.Max(current.PeakScore, score.Score) : score.Score;
        var explanation = !inWindow || score.Score >= current.PeakScore ? score.Explain() : current.Explanation;

        if (aboveCount >= options.OpenAfter)
        {
            var opened = new EpisodeState(current.Number + 1, true, timestamp, peak, 0, 0, explanation);
            return (opened, EpisodeChange.Opened);
        }

        if (aboveCount + belowCount >= options.OpenWindow)
        {
            // The window ran out without enough evidence: start over, counting this sample if it is evidence.
            return (current with { AboveCount = above ? 1 : 0, BelowCount = 0, PeakScore = above ? score.Score : 0, Explanation = above ? score.Explain() : null }, EpisodeChange.None);
        }

        return (current with { AboveCount = aboveCount, BelowCount = belowCount, PeakScore = peak, Explanation = explanation }, EpisodeChange.None);
    }

    private static (EpisodeState, EpisodeChange) WhileOpen(EpisodeState current, AnomalyScore score, AnomalyDetectorOptions options)
    {
        var peak = Math.Max(current.PeakScore, score.Score);
        var explanation = score.Score > current.PeakScore ? score.Explain() : current.Explanation;
        var belowCount = score.Score < options.CloseThreshold ? current.BelowCount + 1 : 0;
        if (belowCount >= options.CloseAfter)
        {
            return (current with { IsOpen = false, PeakScore = peak, AboveCount = 0, BelowCount = 0, Explanation = explanation }, EpisodeChange.Closed);
        }

        return (current with { PeakScore = peak, BelowCount = belowCount, Explanation = explanation }, EpisodeChange.None);
    }
}
