namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Detector version 8 (<see cref="AnomalyDetectorOptions.QuietSpellNoiseShare"/>): a channel held at a limit (a fan's
/// drive at its minimum speed all night) reports only its sensor's noise while the load underneath still wanders,
/// hidden by the limit. Learned as the channel's normal, that noise would become the spread that judges the moment the
/// demand lifts the channel off the limit, and the lift (the channel's free movement coming back) would score 8–25 σ.
/// So the channel also keeps its recent noise (<see cref="NoiseSpread"/>, a residual spread with a quarter of the
/// spreads' memory); while it is below a share of the residual spread, the channel is in a quiet spell: the spreads that
/// judge the level's movement (residual, one-step, fast average, slope) stop learning and keep the free movement's,
/// as a compressor's channels keep a spread per operating regime. The quiet-sensor term measures the roughness in the
/// recent noise: a held fan (its sensor's noise) is as rough as ever in it, a stuck sensor (no noise at all) is not.
/// Channels with operating regimes keep a spread per regime instead and are left as in version 7.
/// </summary>
internal partial struct ChannelBaseline
{
    private bool KeepsNoise(in DetectorRates rates) =>
        rates.QuietSpellNoiseShare > 0 && !Follower && AlternateCount < DetectorRates.RegimeVisits && NoiseSpread > 0;

    /// <summary>
    /// In a quiet spell (<see cref="QuietSpell"/>, set as the recent noise is learned): the spreads keep what they
    /// learned before it began.
    /// </summary>
    private bool InQuietSpell(in DetectorRates rates) => QuietSpell && KeepsNoise(rates);

    private double NoiseSigma => Math.Max(DetectorRates.SigmaPerMeanAbsoluteDeviation * NoiseSpread, Floor);

    /// <summary>The residual the quiet-sensor term's roughness is built from: in a quiet spell in the recent noise's sigmas, else the level's z.</summary>
    private double NoiseZ(double residual, double levelZ, in DetectorRates rates) =>
        InQuietSpell(rates) ? residual / NoiseSigma : levelZ;

    /// <summary>
    /// The residual a departure to another operating regime is measured in: in a quiet spell the recent noise (a
    /// compressor idle all night still learns its load/unload regimes from its jumps, as in version 7), else the level's z.
    /// </summary>
    private double DepartureZ(double residual, double levelZ, in DetectorRates rates) =>
        InQuietSpell(rates) ? residual / NoiseSigma : levelZ;

    /// <summary>
    /// The recent noise learns four times faster than the spreads, Huber-clipped like them; it stops while the
    /// quiet-sensor term fires (a stuck sensor must not teach it that silence is its noise).
    /// </summary>
    private void LearnNoise(double residual, bool quiet, double factor, in DetectorRates rates)
    {
        if (rates.QuietSpellNoiseShare <= 0)
        {
            return;
        }

        if (NoiseSpread <= 0)
        {
            NoiseSpread = (float)ResidualSpread;
            return;
        }

        var rate = quiet ? 0 : Math.Min(1.0, Math.Max(1.0 / ScaleCount, 4 * rates.Scale)) * factor;
        var clip = ScaleCount > 10 ? rates.Clip * NoiseSigma : double.PositiveInfinity;
        NoiseSpread = (float)(NoiseSpread + (rate * (Math.Min(Math.Abs(residual), clip) - NoiseSpread)));

        // A spell begins when the noise falls below the share of the residual spread and lasts until the noise is
        // back at the residual spread: the lifts within it (a fan's night) do not end it, a louder channel does.
        QuietSpell = KeepsNoise(rates) && SpreadsKnown(rates)
            && NoiseSpread < (QuietSpell ? 1.0 : rates.QuietSpellNoiseShare) * ResidualSpread;
    }
}
