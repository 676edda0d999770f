namespace WorkOrders.Simulators;

/// <summary>A scenario that cannot be read or makes no sense; <see cref="Field"/> names the offending field.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioException(string field, string message, string? file = null, Exception? innerException = null)
        : base(Describe(field, message, file), innerException)
    {
        Field = field;
        File = file;
    }

    /// <summary>JSON path of the offending field, e.g. <c>faults[1].device</c>.</summary>
    public string? Field { get; }

    /// <summary>The scenario file, when the scenario was loaded from one.</summary>
    public string? File { get; }

    private static string Describe(string field, string message, string? file) =>
        file is null ? $"{field}: {message}" : $"{file}: {field}: {message}";
}
