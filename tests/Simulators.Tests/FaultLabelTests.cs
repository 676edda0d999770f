namespace WorkOrders.Simulators.Tests;

public class FaultLabelTests
{
    public static TheoryData<string, string> Faults() => new()
    {
        { AssetTypes.Pump, FaultKinds.BearingWear },
        { AssetTypes.Pump, FaultKinds.Cavitation },
        { AssetTypes.Motor, FaultKinds.Misalignment },
        { AssetTypes.Compressor, FaultKinds.Overheating },
        { AssetTypes.Fan, FaultKinds.Electrical },
        { AssetTypes.Motor, FaultKinds.SensorDrift },
        { AssetTypes.Fan, FaultKinds.SensorStuck },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Labels_AreOrdered_BeganDetectableFailed(string assetType, string kind)
    {
        foreach (var (begins, ttf) in new[] { (0.0, 60.0), (-3600.0, 7200.0), (600.0, 86_400.0), (10.0, 600.0) })
        {
            var scenario = TestScenarios.Single(assetType, new FaultSpec("dev-01", kind, begins, ttf));

            var label = new FleetModel(scenario).Labels.Single();

            Assert.Equal(TestScenarios.Start.AddSeconds(begins), label.BeganAt);
            Assert.Equal(TestScenarios.Start.AddSeconds(begins + ttf), label.FailedAt);
            Assert.InRange(label.DetectableAt, label.BeganAt, label.FailedAt);
            Assert.True(label.DetectableAt > label.BeganAt || ttf <= 600, $"{kind} detectable at once");
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void AtDetectableAt_TheFaultStandsOutOfTheNoise(string assetType, string kind)
    {
        var reading = kind switch
        {
            FaultKinds.BearingWear => Readings.VibrationBand1G,
            FaultKinds.Cavitation or FaultKinds.Misalignment => Readings.VibrationRmsG,
            FaultKinds.Overheating or FaultKinds.SensorDrift or FaultKinds.SensorStuck => Readings.TemperatureC,
            _ => Readings.CurrentImbalancePct,
        };
        var twin = new Twin(assetType, new FaultSpec("dev-01", kind, 3600, 86_400));
        var detectable = (twin.Label.DetectableAt - twin.Label.BeganAt) / (twin.Label.FailedAt - twin.Label.BeganAt);

        var halfway = Math.Abs(twin.Shift(reading, detectable / 2));
        var atDetectable = Math.Abs(twin.Shift(reading, detectable));

        if (kind == FaultKinds.SensorStuck)
        {
            Assert.Single(twin.FaultyValues(reading, twin.Label.BeganAt, twin.Label.DetectableAt).Distinct());
            return;
        }

        Assert.True(atDetectable > 1.5 * halfway, $"{reading}: {halfway} halfway to detectable, {atDetectable} at it");
        Assert.True(atDetectable > 2.5 * NoiseOf(reading, twin.Healthy(reading, detectable)), $"{reading} moved only {atDetectable}");
    }

    [Fact]
    public void TheDemo_HasThreeFaults_DetectableWithinAMinuteOfRealTime()
    {
        var demo = BuiltInScenarios.Demo;

        var labels = new FleetModel(demo).Labels;

        Assert.Equal(3, labels.Count);
        Assert.Equal(3, labels.Select(l => l.DeviceId).Distinct().Count());
        Assert.All(labels, l => Assert.True((l.DetectableAt - demo.Start).TotalSeconds / demo.SpeedUp <= 60, $"{l.DeviceId} detectable after {(l.DetectableAt - demo.Start).TotalSeconds / demo.SpeedUp:0} s"));
        Assert.All(labels, l => Assert.True((l.FailedAt - demo.Start).TotalSeconds / demo.SpeedUp >= 120, $"{l.DeviceId} fails too soon to be predicted"));
    }

    /// <summary>One standard deviation of a sensor's noise around <paramref name="value"/> (see SensorChannel).</summary>
    private static double NoiseOf(string reading, double value) => reading switch
    {
        Readings.VibrationBand1G => 0.0003 + (0.04 * value),
        Readings.VibrationRmsG => 0.002 + (0.03 * value),
        Readings.TemperatureC => 0.15,
        _ => 0.12,
    };
}
