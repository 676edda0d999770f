using System.Text.Json.Serialization;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>The readings column of the embedded store: a JSON object of name → number (NaN/Infinity as strings).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
internal sealed partial class TimeSeriesJsonContext : JsonSerializerContext;
