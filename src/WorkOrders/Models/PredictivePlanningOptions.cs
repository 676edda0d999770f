using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Models;

/// <summary>How a remaining-useful-life forecast becomes an order (section <c>Models:Forecast</c>).</summary>
public sealed class PredictivePlanningOptions
{
    public const string Section = "Models:Forecast";

    /// <summary>A failure window starting within this horizon is imminent: the order is urgent.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A probability of failure within the horizon at or above this makes the order urgent too.</summary>
    [Range(0.01, 1.0)]
    public double UrgentProbability { get; set; } = 0.5;

    /// <summary>A preventive order is due this long before the failure window opens (the band's lower edge).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan DueMargin { get; set; } = TimeSpan.FromDays(1);
}
