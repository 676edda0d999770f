namespace WorkOrders.Maintenance.GrainStorage;

/// <summary>One row of the <c>GrainStates</c> table that the host's Orleans grain storage reads and writes.</summary>
public sealed class GrainStateRecord
{
    public required string GrainType { get; set; }

    public required string GrainId { get; set; }

    public required string ETag { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
