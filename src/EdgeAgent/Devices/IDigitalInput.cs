namespace WorkOrders.EdgeAgent.Devices;

/// <summary>A debounced contact: run/stop, door, limit switch.</summary>
public interface IDigitalInput : IDisposable
{
    /// <summary>The debounced state, true when the contact is in its active position.</summary>
    bool IsActive { get; }
}
