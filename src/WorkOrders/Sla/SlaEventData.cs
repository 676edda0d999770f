namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// The <c>DataJson</c> of <c>sla-warning</c>, <c>sla-breached</c> and <c>escalated</c> events. <see cref="Notify"/> says
/// whom the notification sender must tell. Add members; never rename them.
/// </summary>
public sealed record SlaEventData(
    string? Target,
    DateTimeOffset? DueAt,
    int EscalationLevel,
    string? Reason,
    IReadOnlyList<NotifyRecipient> Notify);

/// <summary>Someone to tell: a ladder role (<c>assignee</c>, <c>team-lead</c>, <c>manager</c>) and the engineer, if known.</summary>
public sealed record NotifyRecipient(string Role, string? EngineerId);
