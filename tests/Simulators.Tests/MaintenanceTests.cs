namespace WorkOrders.Simulators.Tests;

public class MaintenanceTests
{
    private const double Day = 86_400;

    [Fact]
    public void Maintenance_ResetsBearingWear_AndTheMachineNeverFails()
    {
        var fault = new FaultSpec("dev-01", FaultKinds.BearingWear, 0, Day);
        var twin = new Twin(AssetTypes.Pump, fault, new MaintenanceSpec("dev-01", 0.7 * Day), TimeSpan.FromDays(1.5));

        var beforeRepair = twin.Shift(Readings.VibrationBand1G, 0.6);
        var afterRepair = twin.Shift(Readings.VibrationBand1G, 0.75);
        var pastFailure = twin.FaultyValues(Readings.Rpm, twin.At(1.05), twin.At(1.2)).ToList();

        Assert.True(beforeRepair > 0.1, $"band energy +{beforeRepair} g before the repair");
        Assert.Equal(0, afterRepair, 6);
        Assert.All(pastFailure, rpm => Assert.True(rpm > 2900));
        Assert.Equal(TestScenarios.Start.AddDays(0.7), twin.Label.RepairedAt);
        Assert.False(twin.Label.Failed);
    }

    [Fact]
    public void Maintenance_RepairsAFailedMachine()
    {
        var fault = new FaultSpec("dev-01", FaultKinds.Electrical, 0, Day / 2);
        var twin = new Twin(AssetTypes.Motor, fault, new MaintenanceSpec("dev-01", Day), TimeSpan.FromDays(1.5));

        var stopped = twin.FaultyValues(Readings.Rpm, twin.At(1.1), twin.At(1.9)).Max();
        var restarted = twin.FaultyValues(Readings.Rpm, twin.At(2.1), twin.At(2.5)).Min();

        Assert.True(stopped < 10);
        Assert.True(restarted > 1400);
        Assert.True(twin.Label.Failed);
    }

    [Fact]
    public void Maintenance_RecalibratesADriftingSensor()
    {
        var fault = new FaultSpec("dev-01", FaultKinds.SensorDrift, 0, Day);
        var twin = new Twin(AssetTypes.Fan, fault, new MaintenanceSpec("dev-01", 0.5 * Day), TimeSpan.FromDays(1));

        Assert.True(twin.Shift(Readings.TemperatureC, 0.4) > 4);
        Assert.Equal(0, twin.Shift(Readings.TemperatureC, 0.6), 6);
    }

    [Fact]
    public void MaintenanceBeforeAFault_DoesNotPreventIt()
    {
        var scenario = TestScenarios.Single(AssetTypes.Pump, new FaultSpec("dev-01", FaultKinds.BearingWear, Day, Day), new MaintenanceSpec("dev-01", Day / 2));

        var label = new FleetModel(scenario).Labels.Single();

        Assert.Null(label.RepairedAt);
        Assert.True(label.Failed);
    }
}
