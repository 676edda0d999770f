namespace WorkOrders.Simulators.Physics;

/// <summary>
/// A centrifugal pump on a fixed-speed motor. Flow follows demand (a valve downstream); discharge pressure follows the
/// pump curve (head ∝ speed², falling with flow). Cavitation lowers and shakes the pressure and starves the flow.
/// </summary>
internal sealed class PumpPhysics(AssetProfile profile, double loadFactor) : MachinePhysics(profile)
{
    private readonly LoadWander _wander = new(0.06, 600);

    protected override double NextLoad(DateTimeOffset time, double dt, double ambientC, double standardNormal) =>
        Clamp((LoadProfile.Demand(time) * loadFactor) + _wander.Advance(dt, standardNormal), 0.1, 1.0);

    protected override double Rpm(double load) => Profile.RatedRpm + 20 - (25 * load);

    protected override (double PressureBar, double FlowM3h) Process(double load, double run, double dt, MachineCondition c, double turbulence)
    {
        var flow = Profile.RatedFlowM3h * load * (1 - (0.3 * c.Cavitation));
        var head = run * run * (1.15 - (0.15 * load * load));
        var pressure = Profile.RatedPressureBar * head * (1 - (0.3 * c.Cavitation)) + (0.5 * c.Cavitation * turbulence);
        return (Math.Max(0, pressure), Math.Max(0, flow));
    }
}
