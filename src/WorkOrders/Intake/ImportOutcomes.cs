namespace WorkOrders.Maintenance.Intake;

/// <summary>The <see cref="ImportRowResult.Outcome"/> values.</summary>
public static class ImportOutcomes
{
    public const string Created = "created";
    public const string Linked = "linked";
    public const string Existing = "existing";
    public const string Rejected = "rejected";
}
