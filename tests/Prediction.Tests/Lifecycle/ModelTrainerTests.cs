using WorkOrders.Prediction.Lifecycle;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Tests.Lifecycle;

public sealed class ModelTrainerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TrainsABaselineOnNormalHistory_AndEvaluatesItOnAHeldOutDevice()
    {
        var devices = Enumerable.Range(0, 4).Select(d => Device($"pump-{d}", 1_000, seed: d)).ToList();

        var trained = new ModelTrainer(new ModelTrainingOptions()).Train("pump", devices, []);

        var metrics = trained.Metrics;
        Assert.NotNull(trained.Bundle.Baseline);
        Assert.Equal(["current_a", "temperature_c", "vibration_rms_g"], metrics.Channels);
        Assert.Equal((3, 1, 4_000), (metrics.TrainingDevices, metrics.HoldoutDevices, metrics.NormalSamples));
        Assert.NotNull(metrics.BaselineHoldoutError);
        Assert.InRange(metrics.BaselineHoldoutError.Value / metrics.BaselineTrainError!.Value, 0.5, 2.0);
        Assert.Null(trained.Bundle.Rul);
        Assert.StartsWith("a RUL model needs at least 2 confirmed failures", metrics.RulSkipped, StringComparison.Ordinal);
    }

    [Fact]
    public void UsesNoFaultFoundWindowsAsNormalData_AndLeavesConfirmedAndUnlabelledEpisodesOut()
    {
        var devices = Enumerable.Range(0, 2).Select(d => Device($"pump-{d}", 1_000, seed: d)).ToList();
        LabelWindow[] labels =
        [
            new("pump-0", Start.AddSeconds(100), Start.AddSeconds(199), LabelKind.KnownNormal),
            new("pump-0", Start.AddSeconds(500), Start.AddSeconds(549), LabelKind.ConfirmedFault),
            new("pump-1", Start.AddSeconds(900), Start.AddSeconds(999), LabelKind.Unlabelled),
        ];

        var metrics = new ModelTrainer(new ModelTrainingOptions()).Train("pump", devices, labels).Metrics;

        Assert.Equal((100, 150, 2_000 - 150), (metrics.KnownNormalSamples, metrics.ExcludedSamples, metrics.NormalSamples));
    }

    [Fact]
    public void TrainsARulModel_FromConfirmedFailures_AndTheArtifactRoundTrips()
    {
        var options = new ModelTrainingOptions { RulCycle = TimeSpan.FromMinutes(1), Horizon = TimeSpan.FromMinutes(10), MinimumUnitCycles = 10 };
        var devices = Enumerable.Range(0, 4).Select(d => Device($"pump-{d}", 3_600, seed: d, wearFrom: 2_400)).ToList();
        var labels = devices.Select(d => new LabelWindow(d.DeviceId, Start.AddSeconds(3_000), Start.AddSeconds(3_599), LabelKind.ConfirmedFault)).ToList();

        var trained = new ModelTrainer(options).Train("pump", devices, labels);
        var restored = ModelArtifact.Read(ModelArtifact.Write("pump", trained.Bundle));

        Assert.NotNull(trained.Bundle.Rul);
        Assert.Equal(4, trained.Metrics.RulUnits);
        Assert.NotNull(trained.Metrics.RulHoldoutRmse);
        Assert.Equal(options.RulCycle, restored.RulCycle);
        Assert.Equal(trained.Bundle.Baseline!.Components, restored.Baseline!.Components);
        Assert.Equal(trained.Bundle.Baseline.Channels, restored.Baseline.Channels);
        var unit = new RulDataset(trained.Metrics.Channels, [.. Enumerable.Range(0, 12).Select(i => new RulRow("x", i, [10.0 + i * 0.1, 60, 0.3 + i * 0.05]))]);
        Assert.Equal(trained.Bundle.Rul!.Predict(unit), restored.Rul!.Predict(unit));
    }

    /// <summary>One sample a second: current and temperature move together with the load, vibration on its own; wear lifts vibration.</summary>
    private static DeviceHistory Device(string deviceId, int seconds, int seed, int? wearFrom = null)
    {
        var random = new Random(seed);
        return new DeviceHistory(deviceId, [.. Enumerable.Range(0, seconds).Select(t =>
        {
            var load = Math.Sin(t / 60.0) + 0.3 * Noise(random);
            var wear = wearFrom is { } w && t > w ? (t - w) / 600.0 : 0;
            return new HistorySample(Start.AddSeconds(t), new Dictionary<string, double>
            {
                ["current_a"] = 10 + load + 0.05 * Noise(random),
                ["temperature_c"] = 60 + 2 * load + 0.1 * Noise(random),
                ["vibration_rms_g"] = 0.3 + 0.01 * Noise(random) + 0.2 * wear,
            });
        })]);
    }

    private static double Noise(Random random) => random.NextDouble() - 0.5;
}
