namespace WorkOrders.Simulators.Physics;

/// <summary>
/// A seeded generator whose sequence never changes between runs or machines (System.Random with a seed
/// keeps its legacy algorithm), plus stable string hashing to derive one stream per device.
/// </summary>
internal sealed class DeterministicRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double NextDouble() => _random.NextDouble();

    /// <summary>Standard normal by Box–Muller; always consumes two uniforms.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static DeterministicRandom For(int seed, string key, string purpose) => new(Seed(seed, key, purpose));

    /// <summary>FNV-1a over the parts; string.GetHashCode is randomised per process and would break determinism.</summary>
    public static int Seed(int seed, string key, string purpose)
    {
        var hash = 2166136261u ^ (uint)seed;
        hash *= 16777619u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ '/') * 16777619u;
        foreach (var c in purpose)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
