namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// The fixed map from a deviation in robust sigmas to a score, the same on every device:
/// score = (Φ(d − 4) − Φ(−4)) / (1 − Φ(−4)), so 0 σ → 0, 4 σ → 0.5, 4.25 σ → 0.6, 5.28 σ → 0.9, 6.33 σ → 0.99.
/// </summary>
public static class ScoreCalibration
{
    public const double CenterSigmas = 4.0;

    private static readonly double Floor = NormalDistribution.Cdf(-CenterSigmas);

    public static double FromSigmas(double sigmas)
    {
        if (!(sigmas > 0))
        {
            return 0;
        }

        var score = (NormalDistribution.Cdf(sigmas - CenterSigmas) - Floor) / (1 - Floor);
        return Math.Clamp(score, 0, 1);
    }

    public static double ToSigmas(double score)
    {
        if (!(score > 0))
        {
            return 0;
        }

        var p = Math.Min(score * (1 - Floor) + Floor, 1 - 1e-16);
        return CenterSigmas + NormalDistribution.Quantile(p);
    }

    /// <summary>
    /// The largest of <paramref name="terms"/> |z| values, corrected for having looked at that many
    /// (Bonferroni in the Gaussian tail: z² − 2 ln m), so more channels do not mean more alarms.
    /// </summary>
    public static double CorrectForMultipleTerms(double maxAbsZ, int terms) =>
        terms <= 1 ? maxAbsZ : Math.Sqrt(Math.Max(0, maxAbsZ * maxAbsZ - 2 * Math.Log(terms)));

    /// <summary>Wilson–Hilferty: a chi-square statistic with <paramref name="degreesOfFreedom"/> as a standard normal deviate.</summary>
    public static double ChiSquareToZ(double statistic, int degreesOfFreedom)
    {
        if (degreesOfFreedom <= 0 || !(statistic > 0))
        {
            return 0;
        }

        var v = 2.0 / (9.0 * degreesOfFreedom);
        return (Math.Cbrt(statistic / degreesOfFreedom) - (1 - v)) / Math.Sqrt(v);
    }
}
