namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// What one reading says before it is learned: the expected value, the residual in robust sigmas (<see cref="LevelZ"/>)
/// the step from the previous reading in robust sigmas (<see cref="StepZ"/>, NaN after a gap) and the fast average of
/// residuals in its own robust sigmas (<see cref="DriftZ"/>) the level's recent slope in its own robust sigmas (<see cref="TrendZ"/>) and how much
/// flatter (−) the recent residuals are than usual (<see cref="NoiseZ"/>), and how far the level is from the channel's
/// long reference (<see cref="ReferenceZ"/>, 0 while that term does not count). <see cref="RegimeSwitch"/>: the reading
/// jumped to the channel's known other regime, so its short-term terms are 0. <see cref="Jumped"/> (version 4): the
/// step was beyond the departure distance in step sigmas and the reading beyond the level's normal range.
/// </summary>
internal readonly record struct ChannelTerms(
    double Expected, double LevelZ, double StepZ, double DriftZ, double TrendZ, double NoiseZ, double Steps, double ReferenceZ = 0, double Reference = double.NaN, bool RegimeSwitch = false, bool Jumped = false)
{
    public bool HasHistory => !double.IsNaN(LevelZ);

    public double LargestAbsZ =>
        Math.Max(Math.Max(Math.Abs(LevelZ), double.IsNaN(StepZ) ? 0 : Math.Abs(StepZ)), Math.Max(Math.Max(Math.Abs(DriftZ), Math.Abs(TrendZ)), Math.Max(Math.Abs(NoiseZ), Math.Abs(ReferenceZ))));
}
