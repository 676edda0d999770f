using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>
/// The <c>Dispatch</c> section: travel assumptions, availability and the score weights (points; the highest total
/// wins). Distance and SLA lateness are multiplied by the order's priority factor (Low 0.5, Medium 1, High 1.5, Urgent 2).
/// </summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>Average road speed used to turn distance into travel time.</summary>
    [Range(1.0, 300.0)]
    public double TravelSpeedKmh { get; set; } = 40;

    /// <summary>A reported current location counts for this long; after it, the home base is used.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan LocationFreshFor { get; set; } = TimeSpan.FromHours(8);

    /// <summary>An engineer off shift is still eligible when their next shift starts within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan AvailableWithin { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Minus points per km of travel (× priority factor).</summary>
    [Range(0.0, 1000.0)]
    public double DistanceWeightPerKm { get; set; } = 1;

    /// <summary>Minus points per order the engineer holds now.</summary>
    [Range(0.0, 1000.0)]
    public double WorkloadWeightPerOrder { get; set; } = 10;

    /// <summary>Plus points when the engineer works from the order's site.</summary>
    [Range(0.0, 1000.0)]
    public double SameSiteWeight { get; set; } = 20;

    /// <summary>Plus points per skill level (1–5) for the asset type.</summary>
    [Range(0.0, 1000.0)]
    public double SkillLevelWeight { get; set; } = 1;

    /// <summary>Minus points per hour the engineer would arrive after the response due time (× priority factor).</summary>
    [Range(0.0, 1000.0)]
    public double SlaLatenessWeightPerHour { get; set; } = 30;

    /// <summary>Plus points for the customer's preferred engineer.</summary>
    [Range(0.0, 1000.0)]
    public double PreferredEngineerWeight { get; set; } = 25;

    /// <summary>Points × (first-time-fix rate − 0.5); the rate is (fixed first time + 1) / (jobs + 2) on this asset type.</summary>
    [Range(0.0, 1000.0)]
    public double FirstTimeFixWeight { get; set; } = 20;

    /// <summary>How many of the latest completed orders of the asset type the first-time-fix rate looks at.</summary>
    [Range(1, 100_000)]
    public int FirstTimeFixHistory { get; set; } = 500;
}
