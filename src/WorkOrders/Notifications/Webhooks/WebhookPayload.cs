using System.Text.Json;
using System.Text.Json.Serialization;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Notifications.Webhooks;

/// <summary>
/// The JSON body of a delivery. <see cref="DeliveryId"/> is the event id: the same event always carries the same
/// id, so receivers drop repeats by it. Add members; never rename them.
/// </summary>
public sealed record WebhookPayload(
    long DeliveryId, string Type, DateTimeOffset At, Guid OrderId, string Number, WorkOrderStatus Status,
    string? Site, string? AssigneeId, string? Actor, string? Note, JsonElement? Data)
{
    public static string Serialize(NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        JsonElement? data = null;
        if (e.DataJson is not null)
        {
            using var document = JsonDocument.Parse(e.DataJson);
            data = document.RootElement.Clone();
        }

        var payload = new WebhookPayload(e.EventId, e.Type, e.At, e.OrderId, e.Number, e.Status, e.Site, e.AssigneeId, e.Actor, e.Note, data);
        return JsonSerializer.Serialize(payload, WebhookJsonContext.Default.WebhookPayload);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
