namespace WorkOrders.Maintenance.Outcomes;

/// <summary>On the wire <c>confirmed</c> or <c>no-fault-found</c> (<see cref="OutcomeFindings"/>); stored as its name.</summary>
public enum OutcomeFinding
{
    Confirmed,
    NoFaultFound,
}

/// <summary>The wire names of <see cref="OutcomeFinding"/>.</summary>
public static class OutcomeFindings
{
    public const string Confirmed = "confirmed";
    public const string NoFaultFound = "no-fault-found";

    public static string ToWire(OutcomeFinding finding) => finding == OutcomeFinding.Confirmed ? Confirmed : NoFaultFound;

    public static OutcomeFinding? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Confirmed => OutcomeFinding.Confirmed,
        NoFaultFound => OutcomeFinding.NoFaultFound,
        _ => null,
    };
}
