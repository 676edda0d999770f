namespace WorkOrders.Maintenance.Escalation;

/// <summary>
/// Who is told as a breached order climbs: level 1 the assignee (at the breach), level 2 the team lead
/// <see cref="TeamLeadAfter"/> later, level 3 the manager <see cref="ManagerAfter"/> after that (business time).
/// </summary>
public sealed class EscalationLadder
{
    /// <summary>The ladder of policies that name none.</summary>
    public const string DefaultId = "default";

    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The engineer id of the team lead, if known; the notification is addressed to the role otherwise.</summary>
    public string? TeamLeadId { get; set; }

    /// <summary>The engineer id of the manager, if known.</summary>
    public string? ManagerId { get; set; }

    public TimeSpan TeamLeadAfter { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ManagerAfter { get; set; } = TimeSpan.FromHours(2);
}
