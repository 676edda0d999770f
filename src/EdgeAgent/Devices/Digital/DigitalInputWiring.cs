namespace WorkOrders.EdgeAgent.Devices.Digital;

/// <summary>How a contact is wired: which bias resistor, and whether "active" is the low level.</summary>
public sealed record DigitalInputWiring(DigitalInputPull Pull, bool ActiveLow);

public enum DigitalInputPull
{
    None,
    Up,
    Down,
}
