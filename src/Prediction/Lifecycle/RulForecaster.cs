using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Lifecycle;

/// <summary>Runs a bundle's RUL model on a device's recent cycles and turns cycles into times.</summary>
public static class RulForecaster
{
    /// <summary>Null when the bundle has no RUL model or the device has no closed cycle with every feature yet.</summary>
    public static RulForecast? Forecast(ModelBundle bundle, RulCycleWindow window, string deviceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(window);
        if (bundle.Rul is not { } model || window.Cycles.Count == 0)
        {
            return null;
        }

        var features = model.Manifest.FeatureNames;
        if (RulCycles.Rows(window.Cycles, features) is not { } rows)
        {
            return null;
        }

        var dataset = new RulDataset(features, [.. rows.Select((values, i) => new RulRow(deviceId, i, values))]);
        var prediction = model.Predict(dataset)[0];
        var cycle = bundle.RulCycle;
        return new RulForecast(
            now + cycle * prediction.Rul,
            now + cycle * prediction.Lower,
            now + cycle * prediction.Upper,
            prediction.FailureProbability,
            prediction.Rul);
    }
}
