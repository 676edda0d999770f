namespace WorkOrders.Simulators.Physics;

/// <summary>An Ornstein–Uhlenbeck process: load wanders around the plan and drifts back to it.</summary>
internal sealed class LoadWander(double standardDeviation, double reversionSeconds)
{
    public double Value { get; private set; }

    public double Advance(double dtSeconds, double standardNormal)
    {
        var decay = Math.Exp(-dtSeconds / reversionSeconds);
        Value = (Value * decay) + (standardDeviation * Math.Sqrt(1 - (decay * decay)) * standardNormal);
        return Value;
    }
}
