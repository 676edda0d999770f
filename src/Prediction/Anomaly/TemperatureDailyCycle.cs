namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// Detector version 9 (<see cref="AnomalyDetectorOptions.AmbientDailyCycle"/>): the moments that let the
/// temperature-for-load relation (<see cref="TemperatureForLoad"/>) also explain the time of day. The ambient air is not
/// measured, but it swings through the day (coolest before dawn, warmest in the afternoon), so the temperature is
/// regressed on [lagged load, cos 2πh/24, sin 2πh/24] together, h the hour of the sample's own UTC timestamp (a site's
/// local time is not known; any phase is one combination of the two). The load's mean, variance and covariance with the
/// temperature stay in <see cref="TemperatureForLoad"/>; this holds the rest of the exponentially weighted means and
/// (co)variances, updated with the same rate (least squares with forgetting), and solves the 3 × 3 normal equations.
/// Nine floats: 36 bytes of state, 56 with its object header; only on devices with both channels and the option on.
/// </summary>
internal sealed class TemperatureDailyCycle
{
    /// <summary>
    /// Ridge on the two harmonics' variances (a full day's is ½): over part of a day the two harmonics are a flexible
    /// curve that fits the first hours' trend (weather included) and leaves a residual spread far too small; with the
    /// ridge their coefficients stay small until the relation has seen most of a day. 0.02 left a synthetic healthy pump
    /// at 5.2 σ on its second night; 0.2 at 2.3 σ, shrinking a whole day's fit by 0.5 / 0.7.
    /// </summary>
    private const double HarmonicRidge = 0.2;

    public float CosMean { get; set; }

    public float SinMean { get; set; }

    public float LoadCos { get; set; }

    public float LoadSin { get; set; }

    public float CosVariance { get; set; }

    public float CosSin { get; set; }

    public float SinVariance { get; set; }

    public float CosTemperature { get; set; }

    public float SinTemperature { get; set; }

    /// <summary>The two harmonics of the time of day of a UTC timestamp's ticks.</summary>
    public static (double Cos, double Sin) Harmonics(long utcTicks)
    {
        var phase = 2 * Math.PI * (utcTicks % TimeSpan.TicksPerDay) / TimeSpan.TicksPerDay;
        return (Math.Cos(phase), Math.Sin(phase));
    }

    /// <summary>
    /// The temperature the lagged load and the time of day explain: the mean temperature plus the fitted coefficients
    /// times each regressor's deviation from its mean. With no harmonic moments learned yet it is version 7's line.
    /// </summary>
    public double Expected(TemperatureForLoad relation, double laggedLoad, long utcTicks)
    {
        var (cos, sin) = Harmonics(utcTicks);
        var (load, c, s) = Coefficients(relation);
        return relation.TemperatureMean + (load * (laggedLoad - relation.LoadMean)) + (c * (cos - CosMean)) + (s * (sin - SinMean));
    }

    /// <summary>West's exponentially weighted update of the harmonics' moments, with the deviations before this sample.</summary>
    public void Learn(double rate, double dLoad, double dTemperature, long utcTicks)
    {
        var (cos, sin) = Harmonics(utcTicks);
        var dCos = cos - CosMean;
        var dSin = sin - SinMean;
        CosMean = (float)(CosMean + (rate * dCos));
        SinMean = (float)(SinMean + (rate * dSin));
        var keep = 1 - rate;
        LoadCos = (float)(keep * (LoadCos + (rate * dLoad * dCos)));
        LoadSin = (float)(keep * (LoadSin + (rate * dLoad * dSin)));
        CosVariance = (float)(keep * (CosVariance + (rate * dCos * dCos)));
        CosSin = (float)(keep * (CosSin + (rate * dCos * dSin)));
        SinVariance = (float)(keep * (SinVariance + (rate * dSin * dSin)));
        CosTemperature = (float)(keep * (CosTemperature + (rate * dCos * dTemperature)));
        SinTemperature = (float)(keep * (SinTemperature + (rate * dSin * dTemperature)));
    }

    /// <summary>After a re-baseline: the harmonics are learned afresh with the rest of the relation.</summary>
    public void Forget()
    {
        LoadCos = LoadSin = CosVariance = CosSin = SinVariance = CosTemperature = SinTemperature = 0;
    }

    /// <summary>Solves the ridge-regularised 3 × 3 normal equations by Cramer's rule (symmetric, positive definite).</summary>
    private (double Load, double Cos, double Sin) Coefficients(TemperatureForLoad relation)
    {
        double a11 = relation.LoadVariance + 1e-9, a12 = LoadCos, a13 = LoadSin;
        double a22 = CosVariance + HarmonicRidge, a23 = CosSin, a33 = SinVariance + HarmonicRidge;
        double b1 = relation.Covariance, b2 = CosTemperature, b3 = SinTemperature;
        var m11 = (a22 * a33) - (a23 * a23);
        var m12 = (a12 * a33) - (a23 * a13);
        var m13 = (a12 * a23) - (a22 * a13);
        var determinant = (a11 * m11) - (a12 * m12) + (a13 * m13);
        if (relation.LoadVariance <= 1e-9 || !(determinant > 1e-12))
        {
            // The load has not varied: the harmonics alone (2 × 2).
            var d2 = (a22 * a33) - (a23 * a23);
            return (0, ((b2 * a33) - (a23 * b3)) / d2, ((a22 * b3) - (a23 * b2)) / d2);
        }

        var load = ((b1 * m11) - (a12 * ((b2 * a33) - (a23 * b3))) + (a13 * ((b2 * a23) - (a22 * b3)))) / determinant;
        var cos = ((a11 * ((b2 * a33) - (a23 * b3))) - (b1 * m12) + (a13 * ((a12 * b3) - (b2 * a13)))) / determinant;
        var sin = ((a11 * ((a22 * b3) - (b2 * a23))) - (a12 * ((a12 * b3) - (b2 * a13))) + (b1 * m13)) / determinant;
        return (load, cos, sin);
    }
}
