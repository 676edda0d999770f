namespace WorkOrders.Maintenance.Outcomes;

internal static class OutcomeRules
{
    public const int FailureModeLength = 128;
    public const int NoteLength = 4000;
}
