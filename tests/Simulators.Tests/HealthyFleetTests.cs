namespace WorkOrders.Simulators.Tests;

public class HealthyFleetTests
{
    /// <summary>What a maintenance engineer would call normal for these machines (name-plate figures in AssetProfile).</summary>
    public static TheoryData<string, string, double, double> Bounds() => new()
    {
        { AssetTypes.Pump, Readings.TemperatureC, -5, 60 },
        { AssetTypes.Pump, Readings.VibrationRmsG, 0.05, 0.2 },
        { AssetTypes.Pump, Readings.VibrationKurtosis, 2.3, 3.8 },
        { AssetTypes.Pump, Readings.VibrationBand1G, 0.008, 0.035 },
        { AssetTypes.Pump, Readings.CurrentA, 15, 58 },
        { AssetTypes.Pump, Readings.CurrentImbalancePct, 0, 1.6 },
        { AssetTypes.Pump, Readings.Rpm, 2940, 2985 },
        { AssetTypes.Pump, Readings.PressureBar, 3.8, 4.8 },
        { AssetTypes.Pump, Readings.FlowM3h, 5, 125 },
        { AssetTypes.Motor, Readings.TemperatureC, -5, 65 },
        { AssetTypes.Motor, Readings.VibrationRmsG, 0.03, 0.13 },
        { AssetTypes.Motor, Readings.Rpm, 1465, 1500 },
        { AssetTypes.Motor, Readings.CurrentA, 8, 32 },
        { AssetTypes.Compressor, Readings.TemperatureC, -5, 75 },
        { AssetTypes.Compressor, Readings.PressureBar, 6.2, 7.8 },
        { AssetTypes.Compressor, Readings.FlowM3h, 0, 440 },
        { AssetTypes.Compressor, Readings.CurrentA, 30, 95 },
        { AssetTypes.Fan, Readings.TemperatureC, -5, 55 },
        { AssetTypes.Fan, Readings.Rpm, 440, 1460 },
        { AssetTypes.Fan, Readings.FlowM3h, 7000, 25000 },
        { AssetTypes.Fan, Readings.VibrationRmsG, 0.01, 0.16 },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void HealthyDevices_StayWithinNormalBounds_OverAWeek(string assetType, string reading, double min, double max)
    {
        var scenario = TestScenarios.OneOfEach("h", seed: 3, intervalSeconds: 300) with
        {
            Fleet = [new FleetGroupSpec(assetType, "site-a", 5, "h")],
        };

        var values = Series.Run(scenario, TimeSpan.FromDays(7)).Samples.Values
            .SelectMany(s => s)
            .Where(s => s.Readings!.ContainsKey(reading))
            .Select(s => s.Readings![reading])
            .ToList();

        Assert.True(values.Count > 5 * 1900);
        Assert.InRange(values.Min(), min, max);
        Assert.InRange(values.Max(), min, max);
    }

    [Fact]
    public void HealthyDevices_FollowTheShifts_AndTheDay()
    {
        var scenario = TestScenarios.Single(AssetTypes.Pump);

        var series = Series.Run(scenario, TimeSpan.FromDays(2));
        var id = TestScenarios.SingleDeviceId;
        var night = TestScenarios.Start.AddHours(24 + 2);
        var afternoon = TestScenarios.Start.AddHours(24 + 14);

        Assert.True(series.Mean(id, Readings.FlowM3h, afternoon, afternoon.AddHours(1)) > 1.5 * series.Mean(id, Readings.FlowM3h, night, night.AddHours(1)));
        Assert.True(series.Mean(id, Readings.TemperatureC, afternoon, afternoon.AddHours(1)) > series.Mean(id, Readings.TemperatureC, night, night.AddHours(1)) + 5);
    }
}
