using System.Text.Json;

namespace WorkOrders.Simulators;

/// <summary>
/// A simulation run: the fleet, which devices fail how and when, network trouble, and the clock.
/// Times inside a scenario are simulated seconds after <see cref="Start"/>. The format is described in docs/simulators.md.
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "scenario";

    /// <summary>Seeds every random choice; the same scenario and seed give the same telemetry, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Simulated time of the first step.</summary>
    public DateTimeOffset Start { get; init; } = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Simulated seconds per real second when published.</summary>
    public double SpeedUp { get; init; } = 1;

    /// <summary>Simulated seconds between two samples of a device.</summary>
    public double PublishIntervalSeconds { get; init; } = 10;

    /// <summary>What published timestamps say: <see cref="TimestampModes.Simulated"/> (default) or <see cref="TimestampModes.WallClock"/>.</summary>
    public string Timestamps { get; init; } = TimestampModes.Simulated;

    /// <summary>Simulated seconds after which a run ends; null runs until cancelled.</summary>
    public double? DurationSeconds { get; init; }

    public IReadOnlyList<SiteSpec> Sites { get; init; } = [];

    public IReadOnlyList<FleetGroupSpec> Fleet { get; init; } = [];

    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    public IReadOnlyList<MaintenanceSpec> Maintenance { get; init; } = [];

    public SensorSpec Sensors { get; init; } = new();

    public NetworkSpec Network { get; init; } = new();

    public CredentialsSpec? Credentials { get; init; }

    public TimeSpan PublishInterval => SimulatedTime.Seconds(PublishIntervalSeconds);

    /// <summary>Reads and validates a scenario file; errors name the file and the field.</summary>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = System.IO.File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new ScenarioException("$", ex.Message, path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ScenarioException("$", ex.Message, path, ex);
        }

        try
        {
            return Parse(json);
        }
        catch (ScenarioException ex) when (ex.File is null)
        {
            throw new ScenarioException(ex.Field ?? "$", ex.InnerMessage(), path, ex);
        }
    }

    /// <summary>Parses and validates scenario JSON; throws <see cref="ScenarioException"/> naming the field.</summary>
    public static Scenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, ScenarioJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ScenarioException(FieldOf(ex.Path), FirstLine(ex.Message), innerException: ex);
        }

        if (scenario is null)
        {
            throw new ScenarioException("$", "the scenario is the JSON literal null");
        }

        scenario.Validate();
        return scenario;
    }

    /// <summary>Checks every field; throws <see cref="ScenarioException"/> naming the first bad one.</summary>
    public void Validate() => ScenarioValidator.Validate(this);

    public string ToJson() => JsonSerializer.Serialize(this, ScenarioJson.Options);

    private static string FieldOf(string? jsonPath) =>
        jsonPath?.TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "$";

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

internal static class ScenarioExceptionExtensions
{
    /// <summary>The message without the "field: " prefix the exception added.</summary>
    public static string InnerMessage(this ScenarioException ex) =>
        ex.Field is { } f && ex.Message.StartsWith(f + ": ", StringComparison.Ordinal) ? ex.Message[(f.Length + 2)..] : ex.Message;
}
