namespace WorkOrders.Maintenance.Dispatch;

/// <summary>An engineer who could take the order, with the facts the choice is made on.</summary>
public sealed record AssignmentCandidate(string EngineerId, string Name, string Site, bool SameSite, int OpenWorkOrders, int SkillLevel);

/// <summary>Who was chosen (null when nobody qualified), why, and who else was considered, best first.</summary>
public sealed record AssignmentDecision(AssignmentCandidate? Chosen, string Reason, IReadOnlyList<AssignmentCandidate> Candidates);
