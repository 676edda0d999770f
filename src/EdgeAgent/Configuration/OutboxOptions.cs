namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>The <c>EdgeAgent:Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    /// <summary>A directory of the agent's own on persistent storage (also holds the applied remote configuration).</summary>
    public string Directory { get; set; } = "";

    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    public long SegmentBytes { get; set; } = 1024 * 1024;

    /// <summary>fsync each write: nothing accepted is lost to a power cut, at the cost of SD-card writes.</summary>
    public bool FlushToDisk { get; set; } = true;
}
