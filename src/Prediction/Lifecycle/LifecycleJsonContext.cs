using System.Text.Json.Serialization;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Lifecycle;

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(AssetTypeBaseline))]
[JsonSerializable(typeof(ModelArtifactManifest))]
internal sealed partial class LifecycleJsonContext : JsonSerializerContext;
