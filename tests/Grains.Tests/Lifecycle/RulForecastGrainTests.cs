using WorkOrders.Grains.Devices;
using WorkOrders.Grains.Tests.Cluster;
using WorkOrders.Grains.Tests.Devices;
using WorkOrders.Prediction.Lifecycle;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Grains.Tests.Lifecycle;

/// <summary>The active version's RUL model feeds the work order: forecast, band and probability ride on the request.</summary>
[Collection(DeviceClusterCollection.Name)]
public sealed class RulForecastGrainTests(DeviceClusterFixture cluster) : IDisposable
{
    private const string AssetType = FakeDeviceDirectory.AssetType;
    private static readonly TimeSpan Cycle = TimeSpan.FromSeconds(10);
    private const double Cap = 40;

    [Fact]
    public async Task CarriesTheRulForecastWithItsBandAndProbability_OnTheWorkOrderRequest()
    {
        var deviceId = DeviceClusterFixture.NewDeviceId();
        var device = cluster.Device(deviceId);
        cluster.Models.Activate(AssetType, new ActiveModel($"{AssetType}-v7", new ModelBundle(null, TrainRul(), Cycle)));

        foreach (var batch in DegradingDevice.All())
        {
            await device.RecordAsync(batch);
        }

        await cluster.WorkOrders.WaitForCallsAsync(deviceId, 1).WaitAsync(TimeSpan.FromSeconds(30));
        var request = Assert.Single(cluster.WorkOrders.CallsFor(deviceId));
        var stored = cluster.Storage.Stored<DeviceState>("device", device.GetGrainId());
        Assert.Equal($"{AssetType}-v7", request.ModelVersion);
        Assert.NotNull(request.PredictedFailureAt);
        Assert.NotNull(request.FailureProbability);
        Assert.InRange(request.FailureProbability.Value, 0, 1);
        Assert.True(request.FailureWindowStart <= request.PredictedFailureAt && request.PredictedFailureAt <= request.FailureWindowEnd);
        // The degraded cycles before the episode opened pull the forecast well below the healthy cap (400 s).
        Assert.InRange(request.PredictedFailureAt.Value - request.DetectedAt, Cycle, Cycle * (0.75 * Cap));
        Assert.InRange(stored!.RulCycles!.Cycles.Count, 1, 10); // only the model's window is kept
    }

    public void Dispose() => cluster.Models.Clear(AssetType);

    /// <summary>Run-to-failure units in the device's channels: steady, then vibration climbing for the last 25 cycles.</summary>
    private static RulModel TrainRul()
    {
        var random = new Random(3);
        var rows = new List<RulRow>();
        for (var unit = 0; unit < 10; unit++)
        {
            var life = 90 + 5 * unit;
            for (var cycle = 0; cycle < life; cycle++)
            {
                var wear = Math.Max(0, cycle - (life - 25)) / 25.0;
                rows.Add(new RulRow($"u{unit}", cycle,
                [
                    65 + 0.1 * (random.NextDouble() - 0.5),
                    0.30 + 0.002 * (random.NextDouble() - 0.5) + 0.6 * wear,
                    2_500 + (random.NextDouble() - 0.5),
                ]));
            }
        }

        var options = new RulTrainingOptions { RulCap = Cap, WindowCycles = 10, NumberOfTrees = 30, MinimumExampleCountPerLeaf = 5, Horizon = 10 };
        return new RulTrainer(options).Train(new RulDataset(["temperature_c", "vibration_rms_g", "pressure_hpa"], rows));
    }
}
