namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Detector version 6 (<see cref="AnomalyDetectorOptions.RebaselineRegimeLevels"/>): what a re-baseline does to a
/// channel's operating regimes. Maintenance changes where a machine runs (a repaired overheating: 20 °C cooler), not
/// that it has two regimes nor, much, the gap between them.
/// </summary>
internal partial struct ChannelBaseline
{
    /// <summary>
    /// At the first reading after the level was forgotten (<see cref="Level"/> still holds the old one): a follower's
    /// other-regime level keeps its gap to the new level, not its old value, and the follower calibrates again; a
    /// leading channel (two clearly separate regimes) whose reading lands nearer its other regime's level starts in
    /// that regime (its level and noise there); a channel whose level still averages both regimes is left alone.
    /// </summary>
    private void RestartRegimes(double value, in DetectorRates rates)
    {
        if (!rates.RebaselineRegimeLevels)
        {
            return;
        }

        if (Follower)
        {
            Alternate = (float)(value + (Alternate - Level));
            AlternateCount = 0;
            return;
        }

        if (ClearlyBimodal && Math.Abs(value - Alternate) < Math.Abs(value - Level))
        {
            var leftSpread = ResidualSpread;
            if (AlternateSpread > 0)
            {
                ResidualSpread = AlternateSpread;
                StepSpread *= leftSpread > 0 ? AlternateSpread / leftSpread : 1;
            }

            AlternateSpread = (float)leftSpread;
            Alternate = (float)Level;
        }
    }
}
