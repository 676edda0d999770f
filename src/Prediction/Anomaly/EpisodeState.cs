namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Where a device stands between anomaly episodes. While closed, <see cref="AboveCount"/> and <see cref="BelowCount"/>
/// count samples above and not above the open threshold in the current evidence window; while open,
/// <see cref="BelowCount"/> counts consecutive samples below the close threshold.
/// </summary>
public sealed record EpisodeState(
    int Number,
    bool IsOpen,
    DateTimeOffset? OpenedAt,
    double PeakScore,
    int AboveCount,
    int BelowCount,
    string? Explanation)
{
    public static EpisodeState Initial { get; } = new(0, false, null, 0, 0, 0, null);

    /// <summary>Severity of the current (or last) episode, from its peak score.</summary>
    public EpisodeSeverity Severity => EpisodeSeverityScale.FromScore(PeakScore);
}
