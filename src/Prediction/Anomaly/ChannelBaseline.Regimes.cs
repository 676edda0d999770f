namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Operating regimes of a channel (detector version 2): departures to the same other level become a known regime
/// whose jumps are switches; a clearly bimodal channel leads the device and the other channels follow it.
/// </summary>
internal partial struct ChannelBaseline
{
    private bool Calibrating => Follower && AlternateCount < DetectorRates.FollowerCalibrationSwitches;

    /// <summary>
    /// A known other regime at least <see cref="DetectorRates.LeaderGapSigmas"/> of either regime's sigmas away: on/off,
    /// load/unload, not a continuous reading that keeps returning to a limit.
    /// </summary>
    public bool ClearlyBimodal =>
        !Follower
        && AlternateCount >= DetectorRates.RegimeVisits
        && AlternateSpread > 0
        && Math.Abs(Alternate - Level) >= DetectorRates.LeaderGapSigmas * DetectorRates.SigmaPerMeanAbsoluteDeviation * Math.Max(ResidualSpread, AlternateSpread);

    /// <summary>For the leading channel: whether it is in its high regime once this reading is learned.</summary>
    public bool HighAfter(in ChannelTerms terms) => terms.RegimeSwitch ? Alternate > Level : Level > Alternate;

    /// <summary>Starts following the leader: both regimes start from this channel's level and noise.</summary>
    public void BecomeFollower(bool leaderHigh, in DetectorRates rates)
    {
        if (ResidualSpread <= 0)
        {
            // A channel that has not learned its noise yet cannot lend it to the other regime.
            ResidualSpread = StepSpread = DetectorRates.SpreadFloor(Level);
        }

        Follower = true;
        LevelIsHigh = leaderHigh;
        Alternate = (float)Level;
        AlternateSpread = (float)ResidualSpread;
        AlternateCount = 0;
        Departed = false;
        if (rates.ReferencePerRegime)
        {
            AlternateReference = Reference;
            AlternateReferenceSpread = ReferenceSpread;
        }
    }

    /// <summary>
    /// For a calibrated follower: the reading lies beyond the departure distance from this regime's level and nearer
    /// the other regime's level than this one's.
    /// </summary>
    public bool LandedInOtherRegime(double value) =>
        Follower
        && AlternateCount >= DetectorRates.FollowerCalibrationSwitches
        && Math.Abs(value - Level) > DetectorRates.DepartureSigmas * ResidualSigma
        && Math.Abs(value - Alternate) < 0.25 * Math.Abs(Alternate - Level);

    /// <summary>
    /// The leader switched regime: this channel swaps to its level and noise there, before <paramref name="value"/> is
    /// scored. With <see cref="DetectorRates.FollowerLevelsMoveTogether"/> a calibrated follower first learns the gap
    /// between its regimes from how far this reading jumped from the level it leaves, and keeps its trend.
    /// </summary>
    public void FollowRegime(double value, in DetectorRates rates)
    {
        var together = MovesWithOtherRegime(rates);
        if (together && double.IsFinite(value))
        {
            LearnGapFromJump(value, rates);
        }

        var leftLevel = Level;
        Level = Alternate;
        Alternate = (float)leftLevel;
        SwapReference(rates);
        var left = ResidualSpread;
        if (AlternateSpread > 0)
        {
            ResidualSpread = AlternateSpread;
            StepSpread *= left > 0 ? AlternateSpread / left : 1;
        }

        AlternateSpread = (float)left;
        Trend = together ? Trend : 0;
        Run = 0;
        Previous = Level;
        LevelIsHigh = !LevelIsHigh;
        AlternateCount += (short)(AlternateCount < DetectorRates.FollowerCalibrationSwitches ? 1 : 0);
    }

    private bool IsRegimeSwitch(double value, double expected, double levelZ, bool jumped, in DetectorRates rates) =>
        rates.Regimes
        && !Follower
        && AlternateCount >= DetectorRates.RegimeVisits
        && (Math.Abs(levelZ) > DetectorRates.DepartureSigmas || jumped || FarInSteps(value, expected, rates))
        && NearAlternate(value, expected);

    /// <summary>The reading is within a quarter of the gap between the expected level and the other regime, of that regime.</summary>
    private bool NearAlternate(double value, double expected) => Math.Abs(value - Alternate) <= 0.25 * Math.Abs(Alternate - expected);

    /// <summary>
    /// Noise within one regime as the one-step changes show it (median |step| of white noise is 0.954 σ): a new
    /// device's residual spread has learned both regimes as noise while its level sat between them, its steps have not.
    /// </summary>
    private double StepNoiseSigma => Math.Max(TypicalStep / DetectorRates.MedianAbsoluteStepPerSigma, DetectorRates.SpreadFloor(Level));

    /// <summary>With <see cref="DetectorRates.RegimesFromJumps"/>: the reading lies beyond the departure distance in step-noise sigmas.</summary>
    private bool FarInSteps(double value, double expected, in DetectorRates rates) =>
        rates.RegimesFromJumps && TypicalStep > 0 && Math.Abs(value - expected) > DetectorRates.DepartureSigmas * StepNoiseSigma;

    /// <summary>A departure in step noise starts with a jump (a smooth channel's slow swing is no regime).</summary>
    private bool JumpedInSteps(double value, in DetectorRates rates) =>
        rates.RegimesFromJumps && TypicalStep > 0 && Math.Abs(value - Previous) > DetectorRates.DepartureSigmas * StepNoiseSigma;

    /// <summary>Multiplicative running median of |step| (log steps of equal size up and down), gaps excluded.</summary>
    private void LearnTypicalStep(double value, double steps, in DetectorRates rates)
    {
        if (!rates.RegimesFromJumps || steps > rates.GapFactor)
        {
            return;
        }

        var step = Math.Abs(value - Previous) / Math.Sqrt(Math.Max(1.0, steps));
        if (TypicalStep <= 0)
        {
            TypicalStep = (float)step;
            return;
        }

        TypicalStep = (float)(step > TypicalStep ? TypicalStep * DetectorRates.TypicalStepFactor : TypicalStep / DetectorRates.TypicalStepFactor);
    }

    /// <summary>
    /// A departure (beyond <see cref="DetectorRates.DepartureSigmas"/>) that lands where the previous one did counts
    /// as another visit of the same other regime; one that lands elsewhere starts a new candidate, unless the level sat
    /// between the two (the running mean of a new device's two regimes): then the level moves there (returns true).
    /// Once a regime is known, departures elsewhere change nothing (they score as anomalies). While departed towards
    /// the candidate, its level and spread follow the readings.
    /// </summary>
    private bool TrackDeparture(double value, in ChannelTerms terms, bool settled, in DetectorRates rates)
    {
        if (!rates.Regimes || Follower)
        {
            return false;
        }

        var nearAlternate = AlternateCount > 0 && NearAlternate(value, terms.Expected);
        var departed = settled && (Math.Abs(DepartureZ(value - terms.Expected, terms.LevelZ, rates)) > DetectorRates.DepartureSigmas
            || terms.Jumped
            || (Departed && rates.StepBeyondLevel > 0 && nearAlternate)
            || (FarInSteps(value, terms.Expected, rates) && (Departed || JumpedInSteps(value, rates))));
        var starting = departed && !Departed;
        Departed = departed;
        if (!departed)
        {
            return false;
        }

        if (nearAlternate)
        {
            AlternateSpread = (float)(AlternateSpread + (DetectorRates.AlternateRate * (Math.Abs(value - Alternate) - AlternateSpread)));
            Alternate = (float)(Alternate + (DetectorRates.AlternateRate * (value - Alternate)));
            AlternateCount += (short)(starting && AlternateCount < short.MaxValue ? 1 : 0);
            return false;
        }

        if (!starting || AlternateCount >= DetectorRates.RegimeVisits)
        {
            // A known regime is kept: a departure anywhere else is an anomaly, not a new candidate.
            return false;
        }

        if (AlternateCount > 0 && Math.Sign(Alternate - terms.Expected) != Math.Sign(value - terms.Expected))
        {
            Departed = false;
            return true;
        }

        Alternate = (float)value;
        AlternateSpread = 0;
        AlternateCount = 1;
        return false;
    }

    /// <summary>Swaps to the other regime: its level and noise become the channel's, the regime left behind becomes the other one.</summary>
    private void SwitchRegime(double value, long ticks, in ChannelTerms terms, double factor, in DetectorRates rates)
    {
        var leftLevel = Level;
        var leftSpread = ResidualSpread;
        Level = Alternate;
        Alternate = (float)leftLevel;
        if (AlternateSpread > 0)
        {
            ResidualSpread = AlternateSpread;
            StepSpread *= leftSpread > 0 ? AlternateSpread / leftSpread : 1;
        }

        AlternateSpread = (float)leftSpread;
        Level += rates.Level * (value - Level);
        SwapReference(rates);
        Trend = 0;
        Run = 0;
        Departed = false;
        LearnReference(ticks, terms, factor, rates);
        Previous = value;
        LastTicks = ticks;
    }
}
