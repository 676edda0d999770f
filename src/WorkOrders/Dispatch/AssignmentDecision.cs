namespace WorkOrders.Maintenance.Dispatch;

/// <summary>An engineer who could take the order, as the first version of the <c>dispatched</c> event listed them.</summary>
public sealed record AssignmentCandidate(string EngineerId, string Name, string Site, bool SameSite, int OpenWorkOrders, int SkillLevel);

/// <summary>What happened when an order was opened or sent to dispatch: who got it (null when nobody did yet) and why.</summary>
public sealed record AssignmentDecision(ScoredCandidate? Chosen, string Reason, DispatchMode Mode, DispatchDecision Detail);
