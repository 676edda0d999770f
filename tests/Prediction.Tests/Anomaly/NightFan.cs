namespace WorkOrders.Prediction.Tests.Anomaly;

/// <summary>
/// A ventilation fan on a variable-speed drive at 10 s (a day is 8,640 samples), shaped like the simulators' fan: the
/// load follows the hall's temperature and the day shift and wanders (σ 0.04, 15 minutes), and the drive holds it at
/// its minimum (0.1: 550 rpm) whenever the demand falls below it, which a cold night's does for hours, lifted off the
/// limit whenever the wander rises far enough. Speed 450 + 1000 × load rpm (sensor noise 2 rpm, whole numbers),
/// airflow ∝ speed, current ∝ (0.3 + 0.7 × speed³), vibration ∝ speed (plus a worn bearing's rise).
/// </summary>
internal sealed record NightFan
{
    public const int Day = 8640;

    /// <summary>Extra vibration at each sample, in g (a worn bearing: more than 0).</summary>
    public Func<int, double> BearingVibration { get; init; } = _ => 0;

    public static double HourOf(int i) => i % Day * 24.0 / Day;

    public IReadOnlyDictionary<string, double>[] Generate(Series series, int length)
    {
        var samples = new IReadOnlyDictionary<string, double>[length];
        var wander = 0.0;
        for (var i = 0; i < length; i++)
        {
            wander = (wander * Math.Exp(-10.0 / 900)) + (0.04 * Math.Sqrt(1 - Math.Exp(-20.0 / 900)) * series.Gaussian());
            var hour = HourOf(i);
            var ambient = 10 - (7 * Math.Cos(2 * Math.PI * (hour - 3) / 24));
            var shift = Logistic((hour - 6) / 0.25) - Logistic((hour - 22) / 0.25);
            var load = Math.Clamp(0.3 + (0.03 * (ambient - 12)) + (0.25 * shift) + wander, 0.1, 1.0);
            var rpm = 450 + (1000 * load);
            var run = rpm / 1450;
            var current = 25 * (0.3 + (0.7 * run * run * run));
            samples[i] = new Dictionary<string, double>
            {
                ["rpm"] = Math.Round(rpm + (2 * series.Gaussian())),
                ["flow_m3h"] = Math.Round((24000 * run) + ((0.3 + (240 * run)) * series.Gaussian()), 1),
                ["current_a"] = Math.Round(current + ((0.05 + (0.01 * current)) * series.Gaussian()), 1),
                ["vibration_rms_g"] = Math.Round((0.03 * run) + BearingVibration(i) + ((0.002 + (0.03 * 0.03 * run)) * series.Gaussian()), 3),
            };
        }

        return samples;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
