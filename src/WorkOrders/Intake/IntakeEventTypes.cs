namespace WorkOrders.Maintenance.Intake;

/// <summary>The event types intake adds to <see cref="WorkOrders.WorkOrderEventTypes"/>' vocabulary; never renamed.</summary>
public static class IntakeEventTypes
{
    /// <summary>On the new order: it was linked to an open order of the same asset and category, not dispatched.</summary>
    public const string LinkedAsDuplicate = "linked_as_duplicate";

    /// <summary>On the open order: another order was linked to it as a duplicate.</summary>
    public const string DuplicateLinked = "duplicate_linked";
}
