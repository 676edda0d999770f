using System.Numerics;

namespace WorkOrders.EdgeAgent.Features;

/// <summary>
/// Turns a window of samples (one axis, in g) into <see cref="VibrationFeatures"/>. The mean is
/// removed first, so gravity and sensor offset do not count as vibration. Band values come from a
/// rectangular-window FFT scaled by Parseval's theorem, so the squares of the bands add up to RMS².
/// </summary>
public static class VibrationFeatureExtractor
{
    public static VibrationFeatures Extract(ReadOnlySpan<double> window, double sampleRateHz, int bandCount)
    {
        var n = window.Length;
        if (n < 8 || !BitOperations.IsPow2(n))
        {
            throw new ArgumentException($"The window must hold a power of two of at least 8 samples, not {n}.", nameof(window));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bandCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bandCount, n / 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);

        var mean = 0.0;
        foreach (var x in window)
        {
            mean += x;
        }

        mean /= n;
        double m2 = 0, m4 = 0, peak = 0;
        var spectrum = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            var d = window[i] - mean;
            var d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
            peak = Math.Max(peak, Math.Abs(d));
            spectrum[i] = new Complex(d, 0);
        }

        m2 /= n;
        m4 /= n;
        var rms = Math.Sqrt(m2);
        Fft.Forward(spectrum);
        var bands = BandRms(spectrum, bandCount);
        return new VibrationFeatures(
            RmsG: rms,
            PeakG: peak,
            CrestFactor: rms > 0 ? peak / rms : 0,
            Kurtosis: m2 > 0 ? m4 / (m2 * m2) : 0,
            BandRmsG: bands,
            BandWidthHz: sampleRateHz / 2 / bandCount);
    }

    /// <summary>
    /// Splits bins 1..N/2 into equal bands. For a real signal, Parseval gives
    /// mean(x²) = (|X₀|² + 2·Σ₁^{N/2-1}|Xₖ|² + |X_{N/2}|²) / N²; the DC bin is zero after mean removal.
    /// </summary>
    private static double[] BandRms(Complex[] spectrum, int bandCount)
    {
        var n = spectrum.Length;
        var half = n / 2;
        var power = new double[bandCount];
        for (var k = 1; k <= half; k++)
        {
            var weight = k == half ? 1.0 : 2.0;
            var band = Math.Min((k - 1) * bandCount / half, bandCount - 1);
            power[band] += weight * spectrum[k].Magnitude * spectrum[k].Magnitude / ((double)n * n);
        }

        return Array.ConvertAll(power, Math.Sqrt);
    }
}
