namespace WorkOrders.Testing;

/// <summary>A throwaway server did not start; the message carries what it printed.</summary>
public sealed class ServerStartException : Exception
{
    public ServerStartException()
    {
    }

    public ServerStartException(string message)
        : base(message)
    {
    }

    public ServerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ServerStartException(string server, string reason, string output)
        : base($"{server} did not start: {reason}.{Environment.NewLine}{output}")
    {
    }

    /// <summary>True when the server could not bind its port (another process took it first): worth one more try.</summary>
    internal bool IsPortConflict =>
        Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) ||
        Message.Contains("could not bind", StringComparison.OrdinalIgnoreCase);
}
