using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Prediction.Rul;

public sealed record RulTrainingOptions
{
    /// <summary>Cycles the rolling window features look back over.</summary>
    [Range(2, 1000)]
    public int WindowCycles { get; init; } = 30;

    /// <summary>Piecewise-linear target: remaining life above this is "healthy" and learned as this value (125 is the C-MAPSS custom).</summary>
    [Range(1.0, 1e6)]
    public double RulCap { get; init; } = 125;

    /// <summary>Horizon, in cycles, of the reported probability of failure.</summary>
    [Range(1.0, 1e6)]
    public double Horizon { get; init; } = 30;

    /// <summary>Share of units held out to measure the error and the uncertainty band.</summary>
    [Range(0.05, 0.5)]
    public double HoldoutFraction { get; init; } = 0.2;

    public int Seed { get; init; } = 17;

    [Range(1, 10_000)]
    public int NumberOfTrees { get; init; } = 200;

    [Range(2, 1024)]
    public int NumberOfLeaves { get; init; } = 24;

    [Range(1, 100_000)]
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    [Range(1e-4, 1.0)]
    public double LearningRate { get; init; } = 0.07;
}
