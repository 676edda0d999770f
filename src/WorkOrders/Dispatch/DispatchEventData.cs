using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>
/// The JSON object of a dispatch event: who (if anyone), how (<c>automatic</c>, <c>suggested</c>, <c>pool</c>,
/// <c>confirmed</c>, <c>claimed</c>, <c>override</c>, <c>plan</c>), why, every scored candidate, every engineer a rule
/// removed, and the suggestions of suggested mode. Add members; never rename them.
/// </summary>
public sealed record DispatchEventData(
    string? EngineerId,
    bool Automatic,
    string How,
    string Reason,
    IReadOnlyList<ScoredCandidate> Candidates,
    IReadOnlyList<ExcludedCandidate> Excluded,
    IReadOnlyList<string>? Suggestions = null,
    DateTimeOffset? ScheduledStartAt = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, DispatchJsonContext.Default.DispatchEventData);

    public static DispatchEventData? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, DispatchJsonContext.Default.DispatchEventData);

    public static DispatchEventData From(DispatchDecision decision, string? engineerId, bool automatic, string how, string reason) =>
        new(engineerId, automatic, how, reason, decision.Candidates, decision.Excluded);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(DispatchEventData))]
internal sealed partial class DispatchJsonContext : JsonSerializerContext;
