using System.Text.Json;
using System.Text.Json.Serialization;
using WorkOrders.Prediction.Lifecycle;

namespace WorkOrders.Api.Models;

/// <summary>The metrics JSON stored with a version (camelCase, as the API shows it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainingMetrics))]
internal sealed partial class ModelsJsonContext : JsonSerializerContext;
