using System.Text.Json.Serialization;
using WorkOrders.EdgeAgent.Outbox;

namespace WorkOrders.EdgeAgent.Json;

/// <summary>Source-generated JSON for the agent's own files and messages (the telemetry itself uses the Contracts context).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxState))]
internal sealed partial class EdgeAgentJsonContext : JsonSerializerContext;
