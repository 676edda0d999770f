using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Prediction.Lifecycle;

/// <summary>How a model version is trained from stored history (section <c>Models:Training</c>).</summary>
public sealed class ModelTrainingOptions
{
    public const string Section = "Models:Training";

    /// <summary>Normal samples per window the baseline standardizes on its own (median/MAD).</summary>
    [Range(20, 100_000)]
    public int WindowSamples { get; set; } = 200;

    /// <summary>Every n-th device (by id) is held out to evaluate; with one device the last 20% of its time is.</summary>
    [Range(2, 100)]
    public int HoldoutEveryNthDevice { get; set; } = 5;

    /// <summary>Time one RUL cycle averages over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RulCycle { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The planner's horizon; the RUL model's failure probability is for this span.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Confirmed faults with at least this many cycles of history before them become run-to-failure units.</summary>
    [Range(2, 10_000)]
    public int MinimumUnitCycles { get; set; } = 10;
}
