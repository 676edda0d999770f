namespace WorkOrders.Simulators.Physics;

/// <summary>
/// Air temperature around a device: the site's daily cycle (coolest near 03:00, warmest near 15:00),
/// slow weather swings over days, and a fixed offset for where in the hall the device stands.
/// </summary>
internal sealed class AmbientModel(SiteSpec site, double weatherPhase, double deviceOffsetC)
{
    private const double Day = 86_400;

    public double At(DateTimeOffset time)
    {
        var t = time.ToUnixTimeMilliseconds() / 1000.0;
        var hour = time.UtcDateTime.TimeOfDay.TotalHours;
        var daily = -Math.Cos(2 * Math.PI * (hour - 3) / 24);
        var weather = 2.5 * Math.Sin((2 * Math.PI * t / (3.7 * Day)) + weatherPhase)
            + (1.2 * Math.Sin((2 * Math.PI * t / (1.3 * Day)) + (2 * weatherPhase)));
        return site.AmbientMeanC + (site.AmbientSwingC * daily) + weather + deviceOffsetC;
    }
}
