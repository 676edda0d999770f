namespace WorkOrders.Simulators.Tests;

public class FaultModelTests
{
    private const double Day = 86_400;

    [Fact]
    public void BearingWear_RaisesBandEnergyAndKurtosis_BeforeTemperature()
    {
        var twin = new Twin(AssetTypes.Pump, new FaultSpec("dev-01", FaultKinds.BearingWear, 3600, 4 * Day));

        var earlyBand = twin.Shift(Readings.VibrationBand1G, 0.3) / twin.Healthy(Readings.VibrationBand1G, 0.3);
        var earlyKurtosis = twin.Shift(Readings.VibrationKurtosis, 0.3);
        var earlyTemperature = twin.Shift(Readings.TemperatureC, 0.3);
        var lateTemperature = twin.Shift(Readings.TemperatureC, 0.9);

        Assert.True(earlyBand > 2, $"bearing band only {earlyBand:0.00}x higher at 30 % of life");
        Assert.True(earlyKurtosis > 2, $"kurtosis only +{earlyKurtosis:0.00} at 30 % of life");
        Assert.InRange(earlyTemperature, -0.5, 0.5);
        Assert.True(lateTemperature > 5, $"temperature only +{lateTemperature:0.0} °C at 90 % of life");
    }

    [Theory]
    [InlineData(AssetTypes.Pump, FaultKinds.BearingWear, Readings.VibrationBand1G)]
    [InlineData(AssetTypes.Motor, FaultKinds.BearingWear, Readings.VibrationRmsG)]
    [InlineData(AssetTypes.Motor, FaultKinds.Misalignment, Readings.VibrationRmsG)]
    [InlineData(AssetTypes.Fan, FaultKinds.Misalignment, Readings.VibrationRmsG)]
    [InlineData(AssetTypes.Pump, FaultKinds.Cavitation, Readings.VibrationRmsG)]
    [InlineData(AssetTypes.Pump, FaultKinds.Cavitation, Readings.VibrationKurtosis)]
    [InlineData(AssetTypes.Compressor, FaultKinds.Overheating, Readings.TemperatureC)]
    [InlineData(AssetTypes.Motor, FaultKinds.Overheating, Readings.TemperatureC)]
    [InlineData(AssetTypes.Compressor, FaultKinds.Electrical, Readings.CurrentImbalancePct)]
    [InlineData(AssetTypes.Motor, FaultKinds.Electrical, Readings.CurrentA)]
    [InlineData(AssetTypes.Fan, FaultKinds.Electrical, Readings.TemperatureC)]
    [InlineData(AssetTypes.Pump, FaultKinds.SensorDrift, Readings.TemperatureC)]
    public void MachineFaults_RaiseTheirReadings_MoreAndMoreTowardsFailure(string assetType, string kind, string reading)
    {
        var twin = new Twin(assetType, new FaultSpec("dev-01", kind, 0, 2 * Day));

        var shifts = new[] { 0.1, 0.4, 0.7, 0.95 }.Select(p => twin.Shift(reading, p)).ToList();

        Assert.True(shifts[0] < shifts[1] && shifts[1] < shifts[2] && shifts[2] < shifts[3], $"{reading} shifts {string.Join(", ", shifts)}");
        Assert.True(shifts[3] > 0);
    }

    [Theory]
    [InlineData(Readings.PressureBar)]
    [InlineData(Readings.FlowM3h)]
    public void Cavitation_LowersPumpPressureAndFlow(string reading)
    {
        var twin = new Twin(AssetTypes.Pump, new FaultSpec("dev-01", FaultKinds.Cavitation, 0, Day));

        var early = twin.Shift(reading, 0.2);
        var late = twin.Shift(reading, 0.9);

        Assert.True(late < early && late < -0.1 * twin.Healthy(reading, 0.9), $"{reading}: {early} then {late}");
    }

    [Fact]
    public void Cavitation_MakesPumpPressureUnsteady()
    {
        var twin = new Twin(AssetTypes.Pump, new FaultSpec("dev-01", FaultKinds.Cavitation, 0, Day));

        var before = StandardDeviation(twin.FaultyValues(Readings.PressureBar, twin.At(0), twin.At(0.05)));
        var late = StandardDeviation(twin.FaultyValues(Readings.PressureBar, twin.At(0.8), twin.At(0.85)));

        Assert.True(late > 5 * before, $"pressure spread {before:0.000} then {late:0.000} bar");
    }

    [Fact]
    public void Misalignment_LeavesTheBearingBandAlone()
    {
        var twin = new Twin(AssetTypes.Motor, new FaultSpec("dev-01", FaultKinds.Misalignment, 0, Day));

        Assert.InRange(twin.Shift(Readings.VibrationBand1G, 0.9), -0.001, 0.001);
    }

    [Fact]
    public void Overheating_LeavesVibrationAlone()
    {
        var twin = new Twin(AssetTypes.Compressor, new FaultSpec("dev-01", FaultKinds.Overheating, 0, Day));

        Assert.InRange(twin.Shift(Readings.VibrationRmsG, 0.9), -0.002, 0.002);
    }

    [Fact]
    public void AFailedMachine_Stops()
    {
        var twin = new Twin(AssetTypes.Pump, new FaultSpec("dev-01", FaultKinds.BearingWear, 0, Day));

        var rpm = twin.FaultyValues(Readings.Rpm, twin.At(1.05), twin.At(1.15)).ToList();
        var current = twin.FaultyValues(Readings.CurrentA, twin.At(1.05), twin.At(1.15)).ToList();

        Assert.NotEmpty(rpm);
        Assert.All(rpm, r => Assert.True(r < 10));
        Assert.All(current, c => Assert.True(c < 1));
    }

    [Fact]
    public void SensorDrift_MovesOnlyTheDriftingReading()
    {
        var twin = new Twin(AssetTypes.Motor, new FaultSpec("dev-01", FaultKinds.SensorDrift, 0, Day, Readings.CurrentA));

        Assert.True(twin.Shift(Readings.CurrentA, 0.9) > 5);
        Assert.Equal(0, twin.Shift(Readings.TemperatureC, 0.9), 6);
        Assert.Equal(0, twin.Shift(Readings.VibrationRmsG, 0.9), 6);
    }

    [Fact]
    public void AStuckSensor_RepeatsOneValue_WhileTheOthersMove()
    {
        var twin = new Twin(AssetTypes.Fan, new FaultSpec("dev-01", FaultKinds.SensorStuck, Day / 4, Day / 2, Readings.Rpm));

        var stuck = twin.FaultyValues(Readings.Rpm, twin.At(0), twin.At(1)).Distinct().ToList();
        var before = twin.FaultyValues(Readings.Rpm, twin.At(-0.4), twin.At(0)).Distinct().Count();
        var moving = twin.FaultyValues(Readings.FlowM3h, twin.At(0), twin.At(1)).Distinct().Count();

        Assert.Single(stuck);
        Assert.True(before > 20 && moving > 20);
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / list.Count);
    }
}
