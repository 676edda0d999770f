using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Maintenance.Planning;

/// <summary>
/// The <c>Planning</c> section: the batch planner's cost function (the same for the greedy and the OR-Tools planner)
/// and its limits. Cost = km driven × <see cref="CostPerKm"/> + minutes late × <see cref="CostPerLateMinute"/> +
/// orders left unplanned × <see cref="UnplannedCost"/>.
/// </summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    [Range(0.0, 1000.0)]
    public double CostPerKm { get; set; } = 1;

    [Range(0.0, 1000.0)]
    public double CostPerLateMinute { get; set; } = 2;

    [Range(0.0, 1_000_000.0)]
    public double UnplannedCost { get; set; } = 10_000;

    /// <summary>How long a preventive job takes on site.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromMinutes(90);

    /// <summary>Average road speed for travel times.</summary>
    [Range(1.0, 300.0)]
    public double TravelSpeedKmh { get; set; } = 40;

    /// <summary>How long OR-Tools' local search may improve the greedy plan it starts from.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SolverTimeLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest horizon a plan request may ask for.</summary>
    [Range(1, 31)]
    public int MaxDays { get; set; } = 14;
}
