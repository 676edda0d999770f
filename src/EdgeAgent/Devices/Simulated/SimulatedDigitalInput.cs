namespace WorkOrders.EdgeAgent.Devices.Simulated;

/// <summary>A contact that stays where it was put.</summary>
public sealed class SimulatedDigitalInput(bool isActive) : IDigitalInput
{
    public bool IsActive { get; set; } = isActive;

    public void Dispose()
    {
    }
}
