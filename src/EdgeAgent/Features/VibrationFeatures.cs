namespace WorkOrders.EdgeAgent.Features;

/// <summary>
/// What one window of vibration says, in g: the AC (mean-removed) RMS, the largest excursion,
/// crest factor (peak / RMS), kurtosis (4th standardised moment; 3 for Gaussian noise, higher for
/// impacts), and the RMS carried by each equal-width frequency band up to Nyquist.
/// </summary>
public sealed record VibrationFeatures(
    double RmsG,
    double PeakG,
    double CrestFactor,
    double Kurtosis,
    IReadOnlyList<double> BandRmsG,
    double BandWidthHz)
{
    /// <summary>The reading names of the wire contract: vibration_rms_g, …, vibration_band1_g, ….</summary>
    public IEnumerable<KeyValuePair<string, double>> ToReadings()
    {
        yield return new("vibration_rms_g", RmsG);
        yield return new("vibration_peak_g", PeakG);
        yield return new("vibration_crest", CrestFactor);
        yield return new("vibration_kurtosis", Kurtosis);
        for (var i = 0; i < BandRmsG.Count; i++)
        {
            yield return new($"vibration_band{i + 1}_g", BandRmsG[i]);
        }
    }
}
