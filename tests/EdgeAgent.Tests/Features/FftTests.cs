using System.Numerics;
using WorkOrders.EdgeAgent.Features;

namespace WorkOrders.EdgeAgent.Tests.Features;

public sealed class FftTests
{
    [Fact]
    public void MatchesTheDefinitionOfTheDft()
    {
        var random = new Random(7);
        var input = Enumerable.Range(0, 64).Select(_ => new Complex(random.NextDouble() - 0.5, 0)).ToArray();
        var fast = input.ToArray();

        Fft.Forward(fast);

        for (var k = 0; k < input.Length; k++)
        {
            var slow = Complex.Zero;
            for (var n = 0; n < input.Length; n++)
            {
                slow += input[n] * Complex.Exp(new Complex(0, -2 * Math.PI * k * n / input.Length));
            }

            Assert.Equal(slow.Real, fast[k].Real, 9);
            Assert.Equal(slow.Imaginary, fast[k].Imaginary, 9);
        }
    }

    [Fact]
    public void RejectsLengthsThatAreNotPowersOfTwo()
    {
        Assert.Throws<ArgumentException>(() => Fft.Forward(new Complex[12]));
    }
}
