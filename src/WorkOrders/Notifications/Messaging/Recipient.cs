namespace WorkOrders.Maintenance.Notifications.Messaging;

/// <summary>Someone to tell about an event, and why (<c>assignee</c>, <c>escalation</c>, <c>customer</c>).</summary>
public sealed record Recipient(string Key, string Reason, string? Name, string? Email, string? Phone);

/// <summary>An engineer's contact as the planner needs it.</summary>
public sealed record EngineerContact(string Id, string Name, string? Email, string? Phone);
