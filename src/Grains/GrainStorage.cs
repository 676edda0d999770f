namespace WorkOrders.Grains;

/// <summary>Names of the grain storage providers the silo host must register.</summary>
public static class GrainStorage
{
    public const string Devices = "devices";
}
