namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// A pump-like machine's telemetry at 10 s (a day is 8,640 samples), shaped like the simulators': a load that follows
/// two shifts (06:00–22:00) and wanders, a current of 55 A × (0.3 + 0.7 load), and a temperature heating with a
/// 20-minute thermal lag towards an ambient that swings ±4 °C through the day plus a rise of
/// 35 °C × (0.25 + 0.75 load²) times the cooler's factor (1: clean; more: blocked), and a vibration channel.
/// </summary>
internal sealed record LoadedMachine
{
    public const int Day = 8640;

    /// <summary>Factor on the temperature's rise at each sample (a blocked cooler: more than 1).</summary>
    public Func<int, double> CoolingFactor { get; init; } = _ => 1;

    /// <summary>Weather on top of the ambient's daily swing at each sample, in °C; none by default.</summary>
    public Func<int, double> Weather { get; init; } = _ => 0;

    /// <summary>The plant's demand at each sample before the wander; by default the two shifts.</summary>
    public Func<int, double> Demand { get; init; } = ShiftDemand;

    public static double HourOf(int i) => i % Day * 24.0 / Day;

    public static double ShiftDemand(int i)
    {
        var hour = HourOf(i);
        var shift = Logistic((hour - 6) / 0.25) - Logistic((hour - 22) / 0.25);
        return 0.4 + (0.45 * shift);
    }

    public IReadOnlyDictionary<string, double>[] Generate(Series series, int length)
    {
        var samples = new IReadOnlyDictionary<string, double>[length];
        var wander = 0.0;
        var temperature = double.NaN;
        for (var i = 0; i < length; i++)
        {
            wander = (wander * Math.Exp(-10.0 / 600)) + (0.06 * Math.Sqrt(1 - Math.Exp(-20.0 / 600)) * series.Gaussian());
            var load = Math.Clamp(Demand(i) + wander, 0.1, 1.0);
            var ambient = 14 - (4 * Math.Cos(2 * Math.PI * (HourOf(i) - 3) / 24)) + Weather(i);
            var target = ambient + (35 * (0.25 + (0.75 * load * load)) * CoolingFactor(i));
            temperature = double.IsNaN(temperature) ? target : target + ((temperature - target) * Math.Exp(-10.0 / 1200));
            var current = 55 * (0.3 + (0.7 * load));
            samples[i] = new Dictionary<string, double>
            {
                ["temperature_c"] = Math.Round(temperature + (0.15 * series.Gaussian()), 1),
                ["current_a"] = Math.Round(current + ((0.05 + (0.01 * current)) * series.Gaussian()), 1),
                ["vibration_rms_g"] = Math.Round((0.12 * (0.7 + (0.3 * load))) + (0.004 * series.Gaussian()), 3),
            };
        }

        return samples;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
