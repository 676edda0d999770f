namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Detector version 6 (<see cref="AnomalyDetectorOptions.FollowerLevelsMoveTogether"/>): a follower's reading is a
/// common level plus a gap that depends on the leader's regime (x = m + g·s). Its level in the regime it is in tracks
/// m + g·s; the other regime's level (<see cref="Alternate"/>) moves with it, and g is what the reading jumps by when
/// the leader switches. Two levels that each learned only in their own regime's spells could not follow a slow
/// channel: a compressor's temperature, cooling after a repair or through the night, in 6-sample loaded spells.
/// </summary>
internal partial struct ChannelBaseline
{
    private bool MovesWithOtherRegime(in DetectorRates rates) => rates.FollowerLevelsMoveTogether && Follower && !Calibrating;

    /// <summary>The level moved by <paramref name="moved"/> in this regime: so does the other regime's level.</summary>
    private void MoveOtherRegimeLevel(double moved, in DetectorRates rates)
    {
        if (MovesWithOtherRegime(rates))
        {
            Alternate = (float)(Alternate + moved);
        }
    }

    /// <summary>
    /// The gap to the other regime learns from the jump this reading made from the level's forecast in the regime left
    /// behind, Huber-clipped (a reading that jumped while the leader's reading was missing must not drag the gap).
    /// </summary>
    private void LearnGapFromJump(double value, in DetectorRates rates)
    {
        var gap = Alternate - Level;
        var jump = value - (Level + Trend);
        var clip = rates.Clip * Math.Max(ResidualSigma, DetectorRates.SigmaPerMeanAbsoluteDeviation * AlternateSpread);
        gap += DetectorRates.AlternateRate * Math.Clamp(jump - gap, -clip, clip);
        Alternate = (float)(Level + gap);
    }
}
