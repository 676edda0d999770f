namespace WorkOrders.Simulators.Physics;

/// <summary>
/// The physics shared by every rotating machine: load → speed and power → current, heat (a first-order thermal
/// model towards ambient + rise) and vibration, each bent by the faults in <see cref="MachineCondition"/>.
/// Subclasses give the asset type's load pattern, speed and process side (pressure, flow).
/// </summary>
internal abstract class MachinePhysics(AssetProfile profile)
{
    private double? _temperature;

    protected AssetProfile Profile => profile;

    /// <param name="dt">Simulated seconds since the previous sample.</param>
    /// <param name="draws">Two standard normals (load wander, process turbulence), always drawn so faults never shift the noise of later samples.</param>
    public PhysicalState Advance(DateTimeOffset time, double dt, double ambientC, MachineCondition c, double age, (double Load, double Turbulence) draws)
    {
        var load = NextLoad(time, dt, ambientC, draws.Load);
        if (c.Failed)
        {
            StopProcess(dt);
            var cooled = Heat(ambientC, dt);
            return new(0, 0, 0, 0, cooled, 0.004, 3.0, 0.0008, 0, 0);
        }

        var rpm = Rpm(load);
        var run = rpm / profile.RatedRpm;
        var power = PowerFraction(load, run);
        var bearingMid = Math.Max(0, (c.Bearing - 0.15) / 0.85);
        var bearingLate = Math.Pow(Math.Max(0, (c.Bearing - 0.35) / 0.65), 1.5);

        var current = profile.RatedCurrentA * (0.3 + (0.7 * power))
            * (1 + (0.06 * c.Misalignment) + (0.12 * c.Electrical) + (0.05 * bearingLate) + (0.04 * c.CoolingBlockage));
        var imbalance = 0.8 + (14 * c.Electrical) + (0.3 * c.Misalignment);

        var rise = (profile.RatedTemperatureRiseC * (0.25 + (0.75 * power * power)) * (1 + (2 * c.CoolingBlockage)))
            + (10 * c.Electrical) + (30 * bearingLate) + (5 * c.Misalignment);
        var temperature = Heat(ambientC + rise, dt);

        var baseVibration = profile.BaseVibrationG * (1 + age);
        var rms = (baseVibration * (0.7 + (0.3 * load)) * run)
            + (0.9 * c.Misalignment) + (0.8 * c.Cavitation) + (0.6 * bearingMid) + (0.04 * c.Electrical);
        var band1 = 0.15 * baseVibration * (1 + (40 * c.Bearing)) * run;
        var kurtosis = 3.0 + (6 * Math.Min(1, c.Bearing / 0.2)) - (2 * Math.Max(0, (c.Bearing - 0.7) / 0.3))
            + (3 * c.Cavitation) + (0.3 * c.Misalignment);

        var (pressure, flow) = Process(load, run, dt, c, draws.Turbulence);
        return new(load, rpm, current, imbalance, temperature, rms, kurtosis, band1, pressure, flow);
    }

    /// <summary>Fraction of rated power drawn; fans follow the cube law of their speed.</summary>
    protected virtual double PowerFraction(double load, double run) => load;

    protected abstract double NextLoad(DateTimeOffset time, double dt, double ambientC, double standardNormal);

    protected abstract double Rpm(double load);

    protected abstract (double PressureBar, double FlowM3h) Process(double load, double run, double dt, MachineCondition c, double turbulence);

    protected virtual void StopProcess(double dt)
    {
    }

    protected static double Clamp(double value, double min, double max) => Math.Min(max, Math.Max(min, value));

    private double Heat(double targetC, double dt)
    {
        var current = _temperature ?? targetC;
        var next = targetC + ((current - targetC) * Math.Exp(-dt / profile.ThermalTimeConstantSeconds));
        _temperature = next;
        return next;
    }

    public static MachinePhysics For(string assetType, double loadFactor) => assetType switch
    {
        AssetTypes.Pump => new PumpPhysics(AssetProfile.For(assetType), loadFactor),
        AssetTypes.Motor => new MotorPhysics(AssetProfile.For(assetType), loadFactor),
        AssetTypes.Compressor => new CompressorPhysics(AssetProfile.For(assetType), loadFactor),
        AssetTypes.Fan => new FanPhysics(AssetProfile.For(assetType), loadFactor),
        _ => throw new ArgumentOutOfRangeException(nameof(assetType), assetType, "Unknown asset type."),
    };
}
