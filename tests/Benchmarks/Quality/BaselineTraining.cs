using WorkOrders.Prediction.Anomaly;
using WorkOrders.Simulators;

namespace WorkOrders.Benchmarks.Quality;

/// <summary>Trains one <see cref="AssetTypeBaseline"/> per asset type on windows of a healthy simulated fleet (a seed the scored fleets do not use).</summary>
internal static class BaselineTraining
{
    private const int WindowSamples = 180;

    public static AnomalyBaselineCatalog Train(int seed, double days)
    {
        var scenario = QualityFleets.Healthy(seed, days);
        var fleet = new FleetModel(scenario);
        var steps = (long)Math.Round(scenario.DurationSeconds!.Value / scenario.PublishIntervalSeconds);
        var history = fleet.Devices.ToDictionary(d => d.DeviceId, _ => new List<IReadOnlyDictionary<string, double>>());
        for (var step = 0; step < steps; step++)
        {
            foreach (var (deviceId, sample) in fleet.Step())
            {
                history[deviceId].Add(sample.Readings ?? new Dictionary<string, double>());
            }
        }

        var trainer = new AssetTypeBaselineTrainer();
        return new AnomalyBaselineCatalog(AssetTypes.All.Select(type => trainer.Train(
            type,
            Readings.For(type),
            fleet.Devices
                .Where(d => d.AssetType == type)
                .SelectMany(d => history[d.DeviceId].Chunk(WindowSamples).Where(w => w.Length == WindowSamples))
                .Select(w => (IReadOnlyList<IReadOnlyDictionary<string, double>>)w))));
    }
}
