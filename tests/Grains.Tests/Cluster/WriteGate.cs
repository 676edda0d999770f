namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>Holds a grain's state writes open until <see cref="Open"/>.</summary>
public sealed class WriteGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Opened => _opened.Task;

    public void Open() => _opened.TrySetResult();
}
