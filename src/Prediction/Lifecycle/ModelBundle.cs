using WorkOrders.Prediction.Anomaly;
using WorkOrders.Prediction.Rul;

namespace WorkOrders.Prediction.Lifecycle;

/// <summary>What a model version holds for an asset type: the anomaly baseline, and a RUL model where run-to-failure history existed.</summary>
/// <param name="RulCycle">How much time one RUL "cycle" (one averaged bucket of telemetry) spans.</param>
public sealed record ModelBundle(AssetTypeBaseline? Baseline, RulModel? Rul, TimeSpan RulCycle);
