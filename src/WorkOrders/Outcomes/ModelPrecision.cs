namespace WorkOrders.Maintenance.Outcomes;

/// <summary>
/// How often a model version's work orders found a real fault: <see cref="Precision"/> = confirmed / (confirmed +
/// no-fault-found), null while no outcome is recorded.
/// </summary>
public sealed record ModelPrecision(string ModelVersion, int Confirmed, int NoFaultFound, double? Precision)
{
    public static ModelPrecision Of(string modelVersion, int confirmed, int noFaultFound) =>
        new(modelVersion, confirmed, noFaultFound, confirmed + noFaultFound == 0 ? null : (double)confirmed / (confirmed + noFaultFound));
}
