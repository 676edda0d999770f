namespace WorkOrders.Simulators.Physics;

/// <summary>An induction motor driving a conveyor: load follows the shifts with wide swings; slip grows with load.</summary>
internal sealed class MotorPhysics(AssetProfile profile, double loadFactor) : MachinePhysics(profile)
{
    private readonly LoadWander _wander = new(0.10, 300);

    protected override double NextLoad(DateTimeOffset time, double dt, double ambientC, double standardNormal) =>
        Clamp((LoadProfile.Demand(time) * loadFactor) + _wander.Advance(dt, standardNormal), 0.1, 1.0);

    protected override double Rpm(double load) => Profile.RatedRpm + 10 - (20 * load);

    protected override (double PressureBar, double FlowM3h) Process(double load, double run, double dt, MachineCondition c, double turbulence) =>
        (0, 0);
}
