namespace WorkOrders.EdgeAgent;

/// <summary>Exit codes systemd acts on: a configuration error is not retried (RestartPreventExitStatus=78).</summary>
public static class StartupExitCodes
{
    /// <summary>EX_CONFIG from sysexits.h.</summary>
    public const int ConfigurationError = 78;

    /// <summary>The configuration binder's message for a value of the wrong type names the key: "… at 'EdgeAgent:PublishIntervalMs' …".</summary>
    public static bool IsConfigurationBindingError(InvalidOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);
    }
}
