namespace WorkOrders.Maintenance.Outcomes;

public enum OutcomeStatus
{
    Recorded,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The recorded outcome, messages per field, or the reason the order cannot take an outcome now.</summary>
public sealed record OutcomeResult(OutcomeStatus Status, OutcomeView? Outcome, string? Problem, IDictionary<string, string[]> Errors)
{
    internal static OutcomeResult NotFound() => new(OutcomeStatus.NotFound, null, null, new Dictionary<string, string[]>());

    internal static OutcomeResult Invalid(IDictionary<string, string[]> errors) => new(OutcomeStatus.Invalid, null, null, errors);

    internal static OutcomeResult Conflict(string problem) => new(OutcomeStatus.Conflict, null, problem, new Dictionary<string, string[]>());

    internal static OutcomeResult Recorded(PredictionOutcome outcome) =>
        new(OutcomeStatus.Recorded, OutcomeView.From(outcome), null, new Dictionary<string, string[]>());
}
