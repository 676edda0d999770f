namespace WorkOrders.Maintenance.Dispatch;

/// <summary>One term of a candidate's score: the factor's name, its points and the facts behind them.</summary>
public sealed record ScorePart(string Factor, double Points, string Detail);

/// <summary>An engineer who passed every rule, with the score breakdown, best first in a decision.</summary>
public sealed record ScoredCandidate(
    string EngineerId,
    string Name,
    double Score,
    IReadOnlyList<ScorePart> Parts,
    double? DistanceKm,
    double? TravelMinutes,
    int OpenWorkOrders,
    int SkillLevel);

/// <summary>An engineer a rule removed: the rule (<c>active</c>, <c>skill</c>, <c>certification</c>, <c>region</c>, <c>hours</c>) and why.</summary>
public sealed record ExcludedCandidate(string EngineerId, string Name, string Rule, string Reason);

/// <summary>
/// The outcome of the rules and the score for one order: the winner (null when nobody is eligible), a sentence
/// saying why, every eligible engineer best first, and every engineer a rule removed.
/// </summary>
public sealed record DispatchDecision(
    string? ChosenEngineerId,
    string Reason,
    IReadOnlyList<ScoredCandidate> Candidates,
    IReadOnlyList<ExcludedCandidate> Excluded)
{
    public ScoredCandidate? Chosen => Candidates.Count == 0 ? null : Candidates[0];
}
