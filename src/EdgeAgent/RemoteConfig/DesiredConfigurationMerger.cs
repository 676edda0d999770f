using System.Text.Json;
using WorkOrders.EdgeAgent.Configuration;
using WorkOrders.EdgeAgent.Devices.Vibration;
using WorkOrders.EdgeAgent.Json;

namespace WorkOrders.EdgeAgent.RemoteConfig;

/// <summary>Parses a desired configuration, lays it over the current settings and checks the result.</summary>
public static class DesiredConfigurationMerger
{
    public const int MaxCalibrations = 64;

    /// <summary>The merged settings, or null with the reasons why the document was refused.</summary>
    public static AgentSettings? TryMerge(AgentSettings current, ReadOnlySpan<byte> json, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(current);
        DesiredConfiguration? desired;
        try
        {
            desired = JsonSerializer.Deserialize(json, EdgeAgentJsonContext.Default.DesiredConfiguration);
        }
        catch (JsonException ex)
        {
            errors = [$"not a valid configuration document: {ex.Message}"];
            return null;
        }

        if (desired is null)
        {
            errors = ["not a valid configuration document: the JSON literal null"];
            return null;
        }

        return TryMerge(current, desired, out errors);
    }

    public static AgentSettings? TryMerge(AgentSettings current, DesiredConfiguration desired, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var calibration = new Dictionary<string, Calibration>(current.Calibration, StringComparer.Ordinal);
        foreach (var (name, value) in desired.Calibration ?? new Dictionary<string, Calibration>())
        {
            calibration[name] = value;
        }

        var s = desired.Sensors;
        var merged = new AgentSettings(
            Version: desired.Version ?? desired.TwinVersion ?? current.Version,
            SampleIntervalMs: desired.SampleIntervalMs ?? current.SampleIntervalMs,
            PublishIntervalMs: desired.PublishIntervalMs ?? current.PublishIntervalMs,
            HeartbeatIntervalMs: desired.HeartbeatIntervalMs ?? current.HeartbeatIntervalMs,
            Sensors: new SensorSelection(
                s?.Environment ?? current.Sensors.Environment,
                s?.Vibration ?? current.Sensors.Vibration,
                s?.Analog ?? current.Sensors.Analog,
                s?.Digital ?? current.Sensors.Digital),
            Vibration: new VibrationSettings(
                desired.Vibration?.SampleRateHz ?? current.Vibration.SampleRateHz,
                desired.Vibration?.WindowSize ?? current.Vibration.WindowSize),
            Calibration: calibration);
        errors = Validate(merged);
        return errors.Count == 0 ? merged : null;
    }

    public static IReadOnlyList<string> Validate(AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        if (settings.SampleIntervalMs is < 100 or > 3_600_000)
        {
            errors.Add($"sampleIntervalMs {settings.SampleIntervalMs} must be between 100 and 3600000");
        }

        if (settings.PublishIntervalMs is < 100 or > 3_600_000)
        {
            errors.Add($"publishIntervalMs {settings.PublishIntervalMs} must be between 100 and 3600000");
        }

        if (settings.HeartbeatIntervalMs is < 1000 or > 86_400_000)
        {
            errors.Add($"heartbeatIntervalMs {settings.HeartbeatIntervalMs} must be between 1000 and 86400000");
        }

        var vibration = settings.Vibration;
        if (!Adxl345DataRate.IsSupported(vibration.SampleRateHz))
        {
            errors.Add($"vibration.sampleRateHz {vibration.SampleRateHz} must be one of {string.Join(", ", Adxl345DataRate.SupportedHz)}");
        }
        else if (settings.Sensors.Vibration && vibration.WindowSize * 1000.0 / vibration.SampleRateHz >= settings.SampleIntervalMs)
        {
            errors.Add($"a vibration window of {vibration.WindowSize} samples at {vibration.SampleRateHz} Hz does not fit in sampleIntervalMs {settings.SampleIntervalMs}");
        }

        if (!EdgeAgentOptionsValidator.IsWindowSize(vibration.WindowSize))
        {
            errors.Add($"vibration.windowSize {vibration.WindowSize} must be a power of two from 64 to 8192");
        }

        if (settings.Calibration.Count > MaxCalibrations)
        {
            errors.Add($"calibration has {settings.Calibration.Count} entries, at most {MaxCalibrations} are allowed");
        }

        foreach (var (name, calibration) in settings.Calibration)
        {
            if (!EdgeAgentOptionsValidator.ReadingNamePattern().IsMatch(name))
            {
                errors.Add($"calibration '{name}' is not a reading name (lower case, digits and '_')");
            }

            if (calibration is null || !double.IsFinite(calibration.Scale) || calibration.Scale == 0 || !double.IsFinite(calibration.Offset))
            {
                errors.Add($"calibration '{name}' needs a finite, non-zero scale and a finite offset");
            }
        }

        return errors;
    }
}
