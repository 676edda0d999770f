namespace WorkOrders.Prediction.Anomaly;

/// <summary>Maps a peak score back to robust sigmas (see <see cref="ScoreCalibration"/>) and buckets it.</summary>
public static class EpisodeSeverityScale
{
    public static EpisodeSeverity FromScore(double peakScore)
    {
        if (peakScore <= 0 || double.IsNaN(peakScore))
        {
            return EpisodeSeverity.None;
        }

        var sigmas = ScoreCalibration.ToSigmas(peakScore);
        return sigmas switch
        {
            >= 9 => EpisodeSeverity.Critical,
            >= 7 => EpisodeSeverity.High,
            >= 6 => EpisodeSeverity.Medium,
            _ => EpisodeSeverity.Low,
        };
    }
}
