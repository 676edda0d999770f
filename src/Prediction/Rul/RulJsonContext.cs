using System.Text.Json.Serialization;

namespace WorkOrders.Prediction.Rul;

[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RulModelManifest))]
[JsonSerializable(typeof(FeatureNormalizer))]
internal sealed partial class RulJsonContext : JsonSerializerContext;
