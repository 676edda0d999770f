namespace WorkOrders.Simulators;

/// <summary>Scenario seconds as time spans, rounded to whole milliseconds so 0.7 days is 16:48:00, not 16:47:59.9999999.</summary>
internal static class SimulatedTime
{
    public static TimeSpan Seconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
}
