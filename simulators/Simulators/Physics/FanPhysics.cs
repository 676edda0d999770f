namespace WorkOrders.Simulators.Physics;

/// <summary>A ventilation fan on a variable-speed drive: it runs faster when the hall is warm and during shifts; airflow ∝ speed.</summary>
internal sealed class FanPhysics(AssetProfile profile, double loadFactor) : MachinePhysics(profile)
{
    private readonly LoadWander _wander = new(0.04, 900);

    protected override double NextLoad(DateTimeOffset time, double dt, double ambientC, double standardNormal) =>
        Clamp(((0.3 + (0.03 * (ambientC - 12)) + (0.25 * LoadProfile.DayShift(time))) * loadFactor) + _wander.Advance(dt, standardNormal), 0.1, 1.0);

    protected override double Rpm(double load) => 450 + ((Profile.RatedRpm - 450) * load);

    protected override double PowerFraction(double load, double run) => run * run * run;

    protected override (double PressureBar, double FlowM3h) Process(double load, double run, double dt, MachineCondition c, double turbulence) =>
        (0, Profile.RatedFlowM3h * run * (1 - (0.05 * c.Misalignment)));
}
