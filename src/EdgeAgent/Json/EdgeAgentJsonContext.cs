using System.Text.Json.Serialization;
using WorkOrders.EdgeAgent.Health;
using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Json;

/// <summary>Source-generated JSON for the agent's own files and messages (the telemetry itself uses the Contracts context).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxState))]
[JsonSerializable(typeof(AgentSettings))]
[JsonSerializable(typeof(DesiredConfiguration))]
[JsonSerializable(typeof(ConfigurationReport))]
[JsonSerializable(typeof(Heartbeat))]
internal sealed partial class EdgeAgentJsonContext : JsonSerializerContext;
