namespace WorkOrders.Simulators.Physics;

/// <summary>
/// A screw compressor under load/unload control: loaded it fills the receiver until 7.5 bar, then idles unloaded
/// while the plant draws the pressure down to 6.5 bar. Demand sets how fast the air is used, so the cycle is
/// short during shifts and long at night.
/// </summary>
internal sealed class CompressorPhysics(AssetProfile profile, double loadFactor) : MachinePhysics(profile)
{
    private const double CutIn = 6.5;
    private const double CutOut = 7.5;
    private const double SupplyBarPerSecond = 0.02;
    private const double UseBarPerSecond = 0.012;

    private readonly LoadWander _wander = new(0.05, 600);
    private double _pressure = 7.0;
    private bool _loaded = true;
    private double _demand;

    protected override double NextLoad(DateTimeOffset time, double dt, double ambientC, double standardNormal)
    {
        _demand = Clamp((LoadProfile.Demand(time) * loadFactor) + _wander.Advance(dt, standardNormal), 0.1, 1.0);
        return _loaded ? 0.95 : 0.3;
    }

    protected override double Rpm(double load) => _loaded ? Profile.RatedRpm : Profile.RatedRpm + 15;

    protected override (double PressureBar, double FlowM3h) Process(double load, double run, double dt, MachineCondition c, double turbulence)
    {
        var delivering = _loaded;
        for (var left = dt; left > 0; left -= 5)
        {
            var step = Math.Min(5, left);
            var supply = _loaded ? SupplyBarPerSecond * (1 - (0.3 * c.Misalignment)) : 0;
            _pressure = Clamp(_pressure + ((supply - (UseBarPerSecond * _demand)) * step), 0, 8);
            if (_loaded && _pressure >= CutOut)
            {
                _loaded = false;
            }
            else if (!_loaded && _pressure <= CutIn)
            {
                _loaded = true;
            }
        }

        var flow = delivering ? Profile.RatedFlowM3h * (1 - (0.05 * c.Misalignment)) : 0;
        return (_pressure, flow);
    }

    protected override void StopProcess(double dt)
    {
        _pressure = Clamp(_pressure - (UseBarPerSecond * _demand * dt), 0, 8);
        _loaded = true;
    }
}
