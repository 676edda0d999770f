using System.Numerics;

namespace WorkOrders.EdgeAgent.Features;

/// <summary>In-place iterative radix-2 Cooley–Tukey FFT; the length must be a power of two.</summary>
public static class Fft
{
    public static void Forward(Span<Complex> data)
    {
        var n = data.Length;
        if (n == 0 || !BitOperations.IsPow2(n))
        {
            throw new ArgumentException($"The FFT length must be a power of two, not {n}.", nameof(data));
        }

        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2 * Math.PI / length;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + length / 2] * w;
                    data[start + k] = even + odd;
                    data[start + k + length / 2] = even - odd;
                    w *= step;
                }
            }
        }
    }
}
