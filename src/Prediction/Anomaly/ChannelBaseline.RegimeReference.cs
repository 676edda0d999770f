namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Detector version 5 (<see cref="AnomalyDetectorOptions.ReferencePerRegime"/>): a channel with two operating regimes
/// keeps a slow-drift reference per regime. One reference per channel learned a mixture of both regimes, weighted by
/// the time spent in each: on a mostly idle day it sat near the unloaded level with a spread learned there, so every
/// loaded spell was 6–8 reference sigmas away. With one per regime, the level is always compared with the same
/// regime's past, and a fault that shifts the loaded level (current, temperature) still shows.
/// </summary>
internal partial struct ChannelBaseline
{
    /// <summary>
    /// The level moved to the other regime: so does the reference. A regime whose reference was never learned starts
    /// from the level it is entered at, with the spread of the regime left behind.
    /// </summary>
    private void SwapReference(in DetectorRates rates)
    {
        if (!rates.ReferencePerRegime)
        {
            return;
        }

        var left = Reference;
        var leftSpread = ReferenceSpread;
        if (AlternateReferenceSpread > 0)
        {
            Reference = AlternateReference;
            ReferenceSpread = AlternateReferenceSpread;
        }
        else
        {
            Reference = (float)Level;
        }

        AlternateReference = left;
        AlternateReferenceSpread = leftSpread;
    }

    /// <summary>
    /// While a follower calibrates (its level in each regime still moving fast from where it started), each regime's
    /// reference follows its level, so calibration does not leave a reference at the other regime's level.
    /// </summary>
    private bool ReferenceFollowsLevel(in DetectorRates rates) => rates.ReferencePerRegime && Calibrating;
}
