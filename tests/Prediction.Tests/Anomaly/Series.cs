namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>Seeded synthetic telemetry: Gaussian noise around a level, with faults injected at known samples.</summary>
internal sealed class Series(int seed)
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Random random = new(seed);

    public double[] Noise(int length, double level = 20, double sigma = 1)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = level + sigma * Gaussian();
        }

        return values;
    }

    public double Gaussian()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static DateTimeOffset At(int index) => Start + Interval * index;

    public static IReadOnlyDictionary<string, double> One(double value) => new Dictionary<string, double> { ["value"] = value };
}
