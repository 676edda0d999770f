using System.Text.Json;

namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>
/// Who gets what: the assignee on dispatch and reassignment; every engineer named in the event's <c>notify</c>
/// list (escalations); the customer's contact when the order opens, is dispatched, the engineer sets off or arrives,
/// and when it is completed or cancelled.
/// </summary>
public static class RecipientRules
{
    private static readonly HashSet<string> AssigneeTypes = new(StringComparer.Ordinal) { "dispatched", "reassigned" };

    private static readonly HashSet<string> CustomerTypes = new(StringComparer.Ordinal)
    {
        "opened", "dispatched", "en_route", "on_site", "completed", "cancelled",
    };

    /// <summary>The engineer ids the event concerns (the planner looks up their contacts).</summary>
    public static IReadOnlyList<string> EngineerIds(NotificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var ids = new List<string>();
        if (AssigneeTypes.Contains(e.Type) && (DataString(e.DataJson, "engineerId") ?? e.AssigneeId) is { } assignee)
        {
            ids.Add(assignee);
        }

        ids.AddRange(NotifyList(e.DataJson));
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<Recipient> For(NotificationEvent e, IReadOnlyDictionary<string, EngineerContact> engineers)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(engineers);
        var recipients = new List<Recipient>();
        if (AssigneeTypes.Contains(e.Type) && (DataString(e.DataJson, "engineerId") ?? e.AssigneeId) is { } assignee
            && engineers.TryGetValue(assignee, out var engineer))
        {
            recipients.Add(new($"engineer-{engineer.Id}", "assignee", engineer.Name, engineer.Email, engineer.Phone));
        }

        foreach (var id in NotifyList(e.DataJson))
        {
            if (engineers.TryGetValue(id, out var escalated) && recipients.All(r => r.Key != $"engineer-{id}"))
            {
                recipients.Add(new($"engineer-{id}", "escalation", escalated.Name, escalated.Email, escalated.Phone));
            }
        }

        if (CustomerTypes.Contains(e.Type) && (e.ContactEmail is not null || e.ContactPhone is not null))
        {
            recipients.Add(new("customer", "customer", null, e.ContactEmail, e.ContactPhone));
        }

        return recipients;
    }

    private static List<string> NotifyList(string? dataJson)
    {
        var ids = new List<string>();
        if (Parse(dataJson) is not { } root || !root.TryGetProperty("notify", out var notify) || notify.ValueKind != JsonValueKind.Array)
        {
            return ids;
        }

        foreach (var entry in notify.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("engineerId", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } value)
            {
                ids.Add(value);
            }
        }

        return ids;
    }

    private static string? DataString(string? dataJson, string property) =>
        Parse(dataJson) is { } root && root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonElement? Parse(string? dataJson)
    {
        if (string.IsNullOrWhiteSpace(dataJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(dataJson);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
