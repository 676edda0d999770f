namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// A channel's normal, learned online: a Holt level and trend updated with Huber-clipped residuals (an EWMA of a
/// median-like location), mean absolute deviations of the residual and of the one-step change (MAD-like spreads), and a fast average
/// of the standardized residual with its own spread (a sustained shift shows there first), the level's recent slope
/// with its own spread (a new trend shows there; a step only briefly), and the fast average of |residual| against
/// its long-run value (a sensor that flatlines), and a long reference level with the spread the level normally shows
/// around it (a fault that grows too slowly for the other terms), and the channel's other operating regime (the level
/// it keeps jumping to, with its own spread) so that load/unload cycles are switches, not anomalies.
/// A struct, kept inline in the detector's array: 152 bytes per channel (the additions of version 2 are single precision;
/// the fields are declared widest first, so version 8's recent noise and quiet-spell flag took the padding the earlier
/// declaration order left), against 160 as a separate object with its reference. Mutated in place
/// (<c>channels[i].Learn(…)</c>), never through a copy.
/// </summary>
internal partial struct ChannelBaseline
{
    public double Level { get; set; }
    public double Trend { get; set; }
    public double ResidualSpread { get; set; }
    public double StepSpread { get; set; }
    public double Previous { get; set; }
    public double Drift { get; set; }
    public double DriftSpread { get; set; }
    public double Roughness { get; set; }
    public double RoughnessSpread { get; set; }
    public double Slope { get; set; }
    public double SlopeSpread { get; set; }
    public long LastTicks { get; set; }
    public float Reference { get; set; }
    public float ReferenceSpread { get; set; }
    public float Alternate { get; set; }
    public float AlternateSpread { get; set; }

    /// <summary>The other regime's slow-drift reference (version 5).</summary>
    public float AlternateReference { get; set; }

    /// <summary>The other regime's reference spread; 0 while that regime's reference has not been learned.</summary>
    public float AlternateReferenceSpread { get; set; }

    /// <summary>Running median of the one-step change's size (detector version 3): the within-regime noise, blind to the rare jumps between regimes.</summary>
    public float TypicalStep { get; set; }

    /// <summary>The recent residual spread (version 8, a quarter of the spreads' memory): the noise a quiet spell shows; 0 until learned.</summary>
    public float NoiseSpread { get; set; }
    public int LevelCount { get; set; }
    public int ScaleCount { get; set; }
    public int Run { get; set; }
    public short AlternateCount { get; set; }
    public bool Departed { get; set; }

    /// <summary>This channel follows the device's leading channel between two regimes: <see cref="Alternate"/> is its level in the other one.</summary>
    public bool Follower { get; set; }

    /// <summary>For a follower: whether <see cref="Level"/> belongs to the leader's high regime.</summary>
    public bool LevelIsHigh { get; set; }

    /// <summary>Version 8: the channel is in a quiet spell (its recent noise fell below a share of its residual spread and is not back yet).</summary>
    public bool QuietSpell { get; set; }

    public double ResidualSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * ResidualSpread, Floor);

    public double StepSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * StepSpread, Floor);

    /// <summary>The spread floor; with a known other regime also a small share of the gap to it (the regimes' noise differs).</summary>
    private double Floor => AlternateCount >= DetectorRates.RegimeVisits || Follower
        ? Math.Max(DetectorRates.SpreadFloor(Level), DetectorRates.RegimeGapFloor * Math.Abs(Alternate - Level))
        : DetectorRates.SpreadFloor(Level);

    /// <summary>Spread of the fast residual average; floored at half of what white noise would give.</summary>
    public double DriftSigma(in DetectorRates rates) =>
        Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * DriftSpread, 0.5 * Math.Sqrt(rates.Drift / (2 - rates.Drift)));

    /// <summary>Spread of the level's recent slope; floored at a thousandth of the residual sigma per sample.</summary>
    public double SlopeSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * SlopeSpread, 1e-3 * ResidualSigma);

    /// <summary>E|z| when z is measured against a sigma that is 1.2533 mean absolute deviations, whatever the noise's shape.</summary>
    private const double MeanAbsoluteZ = 1 / DetectorRates.SigmaPerMeanAbsoluteDeviation;

    public double RoughnessSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * RoughnessSpread, 0.05);

    /// <summary>
    /// Spread of the level around the long reference; floored at half the residual sigma, so a channel whose level sat
    /// still while the reference learned (a load-independent reading) does not alarm on its noise.
    /// </summary>
    public double ReferenceSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * ReferenceSpread, 0.5 * ResidualSigma);

    /// <summary>The slow-drift term counts once the level has been followed for the reference's whole memory (samples × typical interval).</summary>
    private bool ReferenceKnown(double typicalTicks, in DetectorRates rates) => rates.ReferenceTicks > 0 && LevelCount * typicalTicks >= rates.ReferenceTicks;

    private bool LevelSettled(in DetectorRates rates) => LevelCount * rates.Level >= 1;

    private bool SlopeSpreadKnown(in DetectorRates rates) => LevelSettled(rates) && SpreadsKnown(rates);

    /// <summary>
    /// The fast residual average and the level's slope are autocorrelated over their memories (5 and 30 samples), so
    /// after the warm-up their spreads rest on a handful of independent samples of a slowly varying signal (a quiet
    /// temperature, then the shift's load ramp scores as 6–10 σ). Their terms count only once the spreads have seen a
    /// full spread memory (<see cref="AnomalyDetectorOptions.ScaleMemorySamples"/>).
    /// </summary>
    private bool SpreadsKnown(in DetectorRates rates) => ScaleCount * rates.Scale >= 1;

    public ChannelTerms Evaluate(double value, long ticks, double typicalTicks, in DetectorRates rates)
    {
        if (LevelCount == 0)
        {
            return new ChannelTerms(value, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var steps = typicalTicks > 0 && ticks > LastTicks ? (ticks - LastTicks) / typicalTicks : 1.0;
        var horizon = Math.Min(steps, rates.GapFactor);
        var expected = Level + Trend * horizon;
        var levelZ = ScaleCount == 0 ? 0 : (value - expected) / ResidualSigma;
        var stepZ = steps > rates.GapFactor || ScaleCount == 0
            ? double.NaN
            : (value - Previous - Trend * horizon) / (StepSigma * Math.Sqrt(Math.Max(1.0, steps)));
        // A jump far beyond the step noise that lands outside the level's normal range: a departure towards another
        // regime even while a new device's residual spread still averages both (version 4).
        var departureZ = DepartureZ(value - expected, levelZ, rates);
        var jumped = rates.StepBeyondLevel > 0
            && Math.Abs(stepZ) > DetectorRates.DepartureSigmas
            && Math.Abs(departureZ) > rates.StepBeyondLevel;
        if (rates.StepBeyondLevel > 0 && Math.Abs(stepZ) > Math.Abs(levelZ) + rates.StepBeyondLevel)
        {
            // A jump that lands within the channel's normal range (a compressor cycling between load and unload while
            // its level still averages both, its steps only knowing the noise within a regime) is no spike.
            stepZ = Math.CopySign(Math.Abs(levelZ) + rates.StepBeyondLevel, stepZ);
        }

        var drift = Drift + rates.Drift * (Math.Clamp(levelZ, -rates.ZClip, rates.ZClip) - Drift);
        var driftZ = !SpreadsKnown(rates) ? 0 : drift / DriftSigma(rates);
        var trendZ = !SlopeSpreadKnown(rates) ? 0 : Slope / SlopeSigma;
        var roughness = Roughness + rates.Roughness * (Math.Min(Math.Abs(NoiseZ(value - expected, levelZ, rates)), rates.ZClip) - Roughness);
        // Only the quiet side counts: louder noise already shows in the residual itself, a flatlined sensor does not.
        var noiseZ = ScaleCount <= 10 ? 0 : Math.Min(0, (roughness - MeanAbsoluteZ) / RoughnessSigma);
        var referenceZ = ReferenceKnown(typicalTicks, rates) ? (Level - Reference) / ReferenceSigma : 0;
        if (Calibrating)
        {
            return new ChannelTerms(expected, 0, double.NaN, 0, 0, 0, steps, referenceZ, Reference);
        }

        if (IsRegimeSwitch(value, expected, departureZ, jumped, rates))
        {
            return new ChannelTerms(expected, 0, double.NaN, 0, trendZ, 0, steps, referenceZ, Reference, RegimeSwitch: true);
        }

        return new ChannelTerms(expected, levelZ, stepZ, driftZ, trendZ, noiseZ, steps, referenceZ, Reference, Jumped: jumped);
    }

    public void Learn(double value, long ticks, in ChannelTerms terms, double factor, in DetectorRates rates)
    {
        if (LevelCount == 0)
        {
            RestartRegimes(value, rates);
            Level = value;
            Trend = 0;
            Slope = 0;
            Previous = value;
            LastTicks = ticks;
            LevelCount = 1;
            Run = 0;
            Reference = (float)value;
            return;
        }

        LevelCount++;
        ScaleCount++;
        LearnTypicalStep(value, terms.Steps, rates);
        if (terms.RegimeSwitch)
        {
            SwitchRegime(value, ticks, terms, factor, rates);
            return;
        }

        var settled = ScaleCount > 10;
        if (TrackDeparture(value, terms, settled, rates))
        {
            // The level sat between two places the channel jumps between: it moves to where the reading is.
            Level = value;
            Trend = 0;
            Run = 0;
            LearnReference(ticks, terms, factor, rates);
            Previous = value;
            LastTicks = ticks;
            return;
        }
        var residual = value - terms.Expected;
        var sigma = ResidualSigma;

        Run = Math.Abs(residual) > 2 * sigma && settled
            ? (Math.Sign(residual) == Math.Sign(Run) ? Run + Math.Sign(residual) : Math.Sign(residual))
            : 0;
        var accepted = rates.AcceptShiftAfter > 0 && Math.Abs(Run) >= rates.AcceptShiftAfter;
        var levelFactor = accepted ? 1.0 : factor;
        var levelRate = Math.Max(1.0 / LevelCount, Calibrating ? 0.2 : rates.Level) * levelFactor;
        var clip = accepted || !settled || Calibrating ? double.PositiveInfinity : rates.Clip * sigma;
        var clipped = Math.Clamp(residual, -clip, clip);

        var previousLevel = Level;
        Level = terms.Expected + levelRate * clipped;
        Trend += levelRate * rates.Trend * clipped;
        MoveOtherRegimeLevel(Level - previousLevel, rates);

        // Spreads barely move while this channel is out of its normal, so a sustained change cannot teach
        // its own spread fast enough to hide itself.
        var outOfNormal = settled && terms.LargestAbsZ > rates.FreezeSigmas;
        // A sensor that went quiet (stuck, flatlined) must not teach the spreads that quiet is normal.
        // Only once the spreads have seen a full memory of data, or a noisy start could freeze them too wide.
        var quiet = ScaleCount * rates.Scale >= 1 && terms.NoiseZ < -rates.FreezeSigmas;
        var learnRate = quiet ? 0 : Math.Max(1.0 / ScaleCount, rates.Scale) * factor * (outOfNormal ? rates.OutOfNormalSpreadFactor : 1.0);
        // In a quiet spell at a limit (version 8) the spreads that judge the level's movement keep the free movement's.
        var scaleRate = InQuietSpell(rates) ? 0 : learnRate;
        LearnNoise(residual, quiet, factor, rates);
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
        var roughness = Roughness + rates.Roughness * (Math.Min(Math.Abs(NoiseZ(residual, terms.LevelZ, rates)), rates.ZClip) - Roughness);
        var roughnessClip = settled ? rates.Clip * RoughnessSigma : double.PositiveInfinity;
        RoughnessSpread += learnRate * (Math.Min(Math.Abs(roughness - MeanAbsoluteZ), roughnessClip) - RoughnessSpread);
        Roughness = roughness;
        if (LevelSettled(rates))
        {
            // While the level is still a running mean (new device, or after a re-baseline) its steps are no slope.
            if (SlopeSpread == 0)
            {
                // First settled sample: start from what white residual noise gives a slope averaged this way.
                SlopeSpread = rates.Level * ResidualSpread * Math.Sqrt(rates.Slope / (2 - rates.Slope));
            }

            var slopeClip = settled ? rates.Clip * SlopeSigma : double.PositiveInfinity;
            SlopeSpread += scaleRate * (Math.Min(Math.Abs(Slope), slopeClip) - SlopeSpread);
            Slope += rates.Slope * (Level - previousLevel - Slope);
        }
        LearnReference(ticks, terms, factor, rates);
        Previous = value;
        LastTicks = ticks;
    }

    /// <summary>
    /// The reference follows the level slowly, and ten times slower while the level is beyond
    /// <see cref="DetectorRates.FreezeSigmas"/> reference sigmas from it: a slowly growing fault cannot drag it along.
    /// </summary>
    private void LearnReference(long ticks, in ChannelTerms terms, double factor, in DetectorRates rates)
    {
        if (rates.ReferenceTicks <= 0)
        {
            return;
        }

        var elapsed = Math.Clamp(ticks - LastTicks, 0, rates.ReferenceTicks / 24);
        var rate = Math.Max(1.0 / LevelCount, elapsed / rates.ReferenceTicks) * factor * (Math.Abs(terms.ReferenceZ) > rates.FreezeSigmas ? 0.1 : 1.0);
        if (ReferenceFollowsLevel(rates))
        {
            Reference = (float)Level;
            return;
        }

        var sigma = ReferenceSigma;
        var deviation = Level - Reference;
        var clip = LevelCount > 10 ? rates.Clip * sigma : double.PositiveInfinity;
        ReferenceSpread = (float)(ReferenceSpread + (rate * (Math.Min(Math.Abs(deviation), clip) - ReferenceSpread)));
        Reference = (float)(Reference + (rate * Math.Clamp(deviation, -clip, clip)));
    }

    /// <summary>
    /// Starts from an asset type's noise (<paramref name="spread"/>, a mean absolute deviation) as if
    /// <paramref name="prior"/> samples had shown it: the residual and step spreads take it, and the spreads of the
    /// fast residual average and of the roughness take what white noise at that spread gives them, so the terms built
    /// on them do not score a new device against spreads of zero.
    /// </summary>
    public void SeedNoise(double spread, int prior, in DetectorRates rates)
    {
        ResidualSpread = spread;
        NoiseSpread = rates.QuietSpellNoiseShare > 0 ? (float)spread : 0;
        StepSpread = spread * Math.Sqrt(2);
        ScaleCount = prior;
        DriftSpread = Math.Sqrt(rates.Drift / (2 - rates.Drift)) / DetectorRates.SigmaPerMeanAbsoluteDeviation;
        Roughness = MeanAbsoluteZ;
        RoughnessSpread = Math.Sqrt(1 - (2 / Math.PI)) * Math.Sqrt(rates.Roughness / (2 - rates.Roughness)) / DetectorRates.SigmaPerMeanAbsoluteDeviation;
    }

    /// <summary>Forget the level (after maintenance) but keep the noise it learned.</summary>
    public void ForgetLevel()
    {
        LevelCount = 0;
        Trend = 0;
        Run = 0;
        Departed = false;
        Drift = 0;
        Slope = 0;
        AlternateReferenceSpread = 0;
    }
}
