namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// A channel's normal, learned online: a Holt level and trend updated with Huber-clipped residuals (an EWMA of a
/// median-like location), mean absolute deviations of the residual and of the one-step change (MAD-like spreads), and a fast average
/// of the standardized residual with its own spread (a sustained shift or a new trend shows there first).
/// About 100 bytes per channel.
/// </summary>
internal sealed class ChannelBaseline
{
    public double Level { get; set; }
    public double Trend { get; set; }
    public double ResidualSpread { get; set; }
    public double StepSpread { get; set; }
    public double Previous { get; set; }
    public double Drift { get; set; }
    public double DriftSpread { get; set; }
    public long LastTicks { get; set; }
    public int LevelCount { get; set; }
    public int ScaleCount { get; set; }
    public int Run { get; set; }

    public double ResidualSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * ResidualSpread, DetectorRates.SpreadFloor(Level));

    public double StepSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * StepSpread, DetectorRates.SpreadFloor(Level));

    /// <summary>Spread of the fast residual average; floored at half of what white noise would give.</summary>
    public double DriftSigma(in DetectorRates rates) =>
        Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * DriftSpread, 0.5 * Math.Sqrt(rates.Drift / (2 - rates.Drift)));

    public ChannelTerms Evaluate(double value, long ticks, double typicalTicks, in DetectorRates rates)
    {
        if (LevelCount == 0)
        {
            return new ChannelTerms(value, double.NaN, double.NaN, double.NaN, 0);
        }

        var steps = typicalTicks > 0 && ticks > LastTicks ? (ticks - LastTicks) / typicalTicks : 1.0;
        var horizon = Math.Min(steps, rates.GapFactor);
        var expected = Level + Trend * horizon;
        var levelZ = ScaleCount == 0 ? 0 : (value - expected) / ResidualSigma;
        var stepZ = steps > rates.GapFactor || ScaleCount == 0
            ? double.NaN
            : (value - Previous - Trend * horizon) / (StepSigma * Math.Sqrt(Math.Max(1.0, steps)));
        var drift = Drift + rates.Drift * (Math.Clamp(levelZ, -rates.ZClip, rates.ZClip) - Drift);
        var driftZ = ScaleCount == 0 ? 0 : drift / DriftSigma(rates);
        return new ChannelTerms(expected, levelZ, stepZ, driftZ, steps);
    }

    public void Learn(double value, long ticks, in ChannelTerms terms, double factor, in DetectorRates rates)
    {
        if (LevelCount == 0)
        {
            Level = value;
            Trend = 0;
            Previous = value;
            LastTicks = ticks;
            LevelCount = 1;
            Run = 0;
            return;
        }

        LevelCount++;
        ScaleCount++;
        var settled = ScaleCount > 10;
        var residual = value - terms.Expected;
        var sigma = ResidualSigma;

        Run = Math.Abs(residual) > 2 * sigma && settled
            ? (Math.Sign(residual) == Math.Sign(Run) ? Run + Math.Sign(residual) : Math.Sign(residual))
            : 0;
        var accepted = rates.AcceptShiftAfter > 0 && Math.Abs(Run) >= rates.AcceptShiftAfter;
        var levelFactor = accepted ? 1.0 : factor;
        var levelRate = Math.Max(1.0 / LevelCount, rates.Level) * levelFactor;
        var clip = accepted || !settled ? double.PositiveInfinity : rates.Clip * sigma;
        var clipped = Math.Clamp(residual, -clip, clip);

        Level = terms.Expected + levelRate * clipped;
        Trend += levelRate * rates.Trend * clipped;

        var scaleRate = Math.Max(1.0 / ScaleCount, rates.Scale) * factor;
        var spreadClip = settled ? rates.Clip * sigma : double.PositiveInfinity;
        ResidualSpread += scaleRate * (Math.Min(Math.Abs(residual), spreadClip) - ResidualSpread);
        if (terms.Steps <= rates.GapFactor)
        {
            var step = Math.Abs(value - Previous - Trend * Math.Min(terms.Steps, rates.GapFactor)) / Math.Sqrt(Math.Max(1.0, terms.Steps));
            var stepClip = settled ? rates.Clip * StepSigma : double.PositiveInfinity;
            StepSpread += scaleRate * (Math.Min(step, stepClip) - StepSpread);
        }

        var drift = Drift + rates.Drift * (Math.Clamp(terms.LevelZ, -rates.ZClip, rates.ZClip) - Drift);
        var driftClip = settled ? rates.Clip * DriftSigma(rates) : double.PositiveInfinity;
        DriftSpread += scaleRate * (Math.Min(Math.Abs(drift), driftClip) - DriftSpread);
        Drift = drift;
        Previous = value;
        LastTicks = ticks;
    }

    /// <summary>Forget the level (after maintenance) but keep the noise it learned.</summary>
    public void ForgetLevel()
    {
        LevelCount = 0;
        Trend = 0;
        Run = 0;
        Drift = 0;
    }
}
