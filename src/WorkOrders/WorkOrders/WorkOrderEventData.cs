using System.Text.Json;
using System.Text.Json.Serialization;
using WorkOrders.Maintenance.Dispatch;

namespace WorkOrders.Maintenance.WorkOrders;

/// <summary>The JSON objects stored in <see cref="WorkOrderEvent.DataJson"/>. Add members; never rename them.</summary>
public static class WorkOrderEventData
{
    public static string Opened(WorkOrder order, DateTimeOffset? detectedAt) => JsonSerializer.Serialize(
        new OpenedData(order.Source, order.Category, order.Priority, order.IdempotencyKey, order.Severity, detectedAt, order.PredictedFailureAt, order.ResponseDueAt, order.ResolutionDueAt),
        EventDataJsonContext.Default.OpenedData);

    public static string Dispatch(string? engineerId, bool automatic, IReadOnlyList<AssignmentCandidate> candidates) =>
        JsonSerializer.Serialize(new DispatchData(engineerId, automatic, candidates), EventDataJsonContext.Default.DispatchData);

    public static string Moved(WorkOrderStatus from, WorkOrderStatus to) =>
        JsonSerializer.Serialize(new MovedData(from, to), EventDataJsonContext.Default.MovedData);

    /// <summary>A move that changed the assignee too (rejected, reassigned, returned to the queue, reopened to New).</summary>
    public static string Moved(WorkOrderStatus from, WorkOrderStatus to, string? previousAssigneeId, string? assigneeId) =>
        JsonSerializer.Serialize(new MovedData(from, to, previousAssigneeId, assigneeId), EventDataJsonContext.Default.MovedData);

    internal sealed record OpenedData(
        WorkOrderSource Source, string Category, WorkOrderPriority Priority, string? IdempotencyKey, double? Severity,
        DateTimeOffset? DetectedAt, DateTimeOffset? PredictedFailureAt, DateTimeOffset? ResponseDueAt, DateTimeOffset? ResolutionDueAt);

    internal sealed record DispatchData(string? EngineerId, bool Automatic, IReadOnlyList<AssignmentCandidate> Candidates);

    internal sealed record MovedData(WorkOrderStatus From, WorkOrderStatus To, string? PreviousAssigneeId = null, string? AssigneeId = null);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkOrderEventData.OpenedData))]
[JsonSerializable(typeof(WorkOrderEventData.DispatchData))]
[JsonSerializable(typeof(WorkOrderEventData.MovedData))]
internal sealed partial class EventDataJsonContext : JsonSerializerContext;
