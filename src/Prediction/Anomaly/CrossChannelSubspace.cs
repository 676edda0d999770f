namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// The device's normal co-movement of its channels: a rank-r orthonormal basis of the standardized residual vector,
/// seeded from the asset type's ML.NET PCA (or from "all channels move together") and tracked online with Oja's rule
/// while the device is normal. A vector far from this subspace means the channels disagree with each other.
/// </summary>
internal sealed class CrossChannelSubspace
{
    private const double ZClip = 10.0;

    public CrossChannelSubspace(int channels, int rank, double[]? components, double residualEnergy, int count)
    {
        Channels = channels;
        Rank = Math.Clamp(rank, 1, Math.Max(1, channels - 1));
        Components = components is { } c && c.Length == Rank * channels ? c : DefaultComponents(channels, Rank);
        ResidualEnergy = residualEnergy > 0 ? residualEnergy : channels - Rank;
        Count = count;
    }

    public int Channels { get; }
    public int Rank { get; }
    public double[] Components { get; }
    public double ResidualEnergy { get; private set; }
    public int Count { get; private set; }

    public int DegreesOfFreedom => Channels - Rank;

    /// <summary>
    /// Writes the part of <paramref name="z"/> outside the subspace into <paramref name="residual"/>; returns the
    /// statistic as a normal deviate. <paramref name="energyFloor"/> (version 7) is the smallest residual energy the
    /// statistic is measured against, as a share of the degrees of freedom.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> z, Span<double> residual, double energyFloor = 0)
    {
        for (var j = 0; j < Channels; j++)
        {
            residual[j] = Math.Clamp(z[j], -ZClip, ZClip);
        }

        for (var i = 0; i < Rank; i++)
        {
            var w = Components.AsSpan(i * Channels, Channels);
            var y = Dot(w, residual);
            for (var j = 0; j < Channels; j++)
            {
                residual[j] -= y * w[j];
            }
        }

        var energy = Dot(residual, residual);
        return ScaleFree(energy, energyFloor);
    }

    /// <summary>
    /// The residual energy the statistic is measured against: the learned one, floored at
    /// <paramref name="energyFloor"/> × degrees of freedom. Every channel's residual is in its own sigmas, so a normal
    /// sample has an energy of the order of the degrees of freedom; a learned energy far below it (quantised channels
    /// sitting still all night on a fan) would make an ordinary sample 10⁵–10⁶ σ.
    /// </summary>
    public double ExpectedEnergy(double energyFloor = 0) => Math.Max(Math.Max(ResidualEnergy, 1e-12), energyFloor * DegreesOfFreedom);

    public double ResidualSigma(double energyFloor = 0) => Math.Sqrt(ExpectedEnergy(energyFloor) / DegreesOfFreedom);

    private double ScaleFree(double energy, double energyFloor) =>
        Count < 10 ? 0 : ScoreCalibration.ChiSquareToZ(energy / ExpectedEnergy(energyFloor) * DegreesOfFreedom, DegreesOfFreedom);

    public void Learn(ReadOnlySpan<double> z, ReadOnlySpan<double> residual, double rate)
    {
        Count++;
        var energy = Dot(residual, residual);
        var energyRate = Math.Max(1.0 / Count, rate);
        ResidualEnergy += energyRate * (Math.Min(energy, 9 * Math.Max(ResidualEnergy, DegreesOfFreedom)) - ResidualEnergy);

        Span<double> x = stackalloc double[Channels];
        for (var j = 0; j < Channels; j++)
        {
            x[j] = Math.Clamp(z[j], -ZClip, ZClip);
        }

        // Sanger's generalized Hebbian rule, then Gram–Schmidt to stay orthonormal.
        for (var i = 0; i < Rank; i++)
        {
            var w = Components.AsSpan(i * Channels, Channels);
            var y = Dot(w, x);
            for (var j = 0; j < Channels; j++)
            {
                w[j] += rate * y * x[j] / (1 + rate * y * y);
            }

            var projected = Dot(w, x);
            for (var j = 0; j < Channels; j++)
            {
                x[j] -= projected * w[j];
            }
        }

        Orthonormalize(Components, Rank, Channels);
    }

    private static double[] DefaultComponents(int channels, int rank)
    {
        var c = new double[rank * channels];
        for (var i = 0; i < rank; i++)
        {
            for (var j = 0; j < channels; j++)
            {
                // Common mode first, then alternating patterns: a deterministic start that Oja's rule refines.
                c[i * channels + j] = i == 0 ? 1.0 : Math.Cos(Math.PI * i * (j + 0.5) / channels);
            }
        }

        Orthonormalize(c, rank, channels);
        return c;
    }

    private static void Orthonormalize(double[] components, int rank, int channels)
    {
        for (var i = 0; i < rank; i++)
        {
            var w = components.AsSpan(i * channels, channels);
            for (var k = 0; k < i; k++)
            {
                var prior = components.AsSpan(k * channels, channels);
                var d = Dot(w, prior);
                for (var j = 0; j < channels; j++)
                {
                    w[j] -= d * prior[j];
                }
            }

            var norm = Math.Sqrt(Dot(w, w));
            if (norm < 1e-12)
            {
                w.Clear();
                w[i % channels] = 1;
                continue;
            }

            for (var j = 0; j < channels; j++)
            {
                w[j] /= norm;
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }
}
