using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WorkOrders.EdgeAgent.Devices;
using WorkOrders.EdgeAgent.Devices.Analog;
using WorkOrders.EdgeAgent.Devices.Vibration;

namespace WorkOrders.EdgeAgent.Configuration;

/// <summary>Checks every setting on start-up; each failure names its configuration key.</summary>
public sealed partial class EdgeAgentOptionsValidator : IValidateOptions<EdgeAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Require(bool ok, string key, string message)
        {
            if (!ok)
            {
                errors.Add($"{EdgeAgentOptions.Section}:{key}: {message}");
            }
        }

        Require(DeviceIdPattern().IsMatch(options.DeviceId), "DeviceId", $"'{options.DeviceId}' must be 1-64 characters of letters, digits, '-', '_' or '.' (it becomes an MQTT topic level).");
        Require(options.SampleIntervalMs is >= 100 and <= 3_600_000, "SampleIntervalMs", $"{options.SampleIntervalMs} must be between 100 and 3600000.");
        Require(options.PublishIntervalMs is >= 100 and <= 3_600_000, "PublishIntervalMs", $"{options.PublishIntervalMs} must be between 100 and 3600000.");
        Require(options.HeartbeatIntervalMs is >= 1000 and <= 86_400_000, "HeartbeatIntervalMs", $"{options.HeartbeatIntervalMs} must be between 1000 and 86400000.");
        Require(Enum.IsDefined(options.Transport), "Transport", $"'{options.Transport}' must be Mqtt or AzureIotHub.");
        ValidateMqtt(options.Mqtt, options.Transport, Require);
        if (options.Transport == EdgeTransport.AzureIotHub)
        {
            ValidateIotHub(options.AzureIotHub, Require);
        }

        var outbox = options.Outbox;
        Require(!string.IsNullOrWhiteSpace(outbox.Directory), "Outbox:Directory", "is required (a directory on persistent storage).");
        Require(outbox.SegmentBytes is >= 4096 and <= 64L * 1024 * 1024, "Outbox:SegmentBytes", $"{outbox.SegmentBytes} must be between 4096 and 67108864.");
        Require(outbox.MaxBytes >= 2 * outbox.SegmentBytes, "Outbox:MaxBytes", $"{outbox.MaxBytes} must be at least twice Outbox:SegmentBytes ({2 * outbox.SegmentBytes}).");
        ValidateSensors(options.Sensors, Require);
        foreach (var (reading, calibration) in options.Calibration)
        {
            Require(ReadingNamePattern().IsMatch(reading), $"Calibration:{reading}", "is not a reading name (lower case, digits and '_').");
            Require(double.IsFinite(calibration.Scale) && calibration.Scale != 0, $"Calibration:{reading}:Scale", $"{calibration.Scale} must be a finite, non-zero number.");
            Require(double.IsFinite(calibration.Offset), $"Calibration:{reading}:Offset", $"{calibration.Offset} must be a finite number.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateMqtt(MqttOptions mqtt, EdgeTransport transport, Action<bool, string, string> require)
    {
        if (transport == EdgeTransport.Mqtt)
        {
            require(HostPort.TryParse(mqtt.Server, out _), "Mqtt:Server", $"'{mqtt.Server}' must be host:port, like broker.example.com:8883.");
            require(mqtt.Password is null || !string.IsNullOrEmpty(mqtt.Username), "Mqtt:Username", "is required when Mqtt:Password is set.");
            require(mqtt.ClientCertificatePath is null == mqtt.ClientKeyPath is null, "Mqtt:ClientKeyPath", "Mqtt:ClientCertificatePath and Mqtt:ClientKeyPath go together.");
            require(mqtt.ClientCertificatePath is null || mqtt.UseTls, "Mqtt:UseTls", "must be true when a client certificate is configured.");
            foreach (var (key, path) in new[] { ("CaCertificatePath", mqtt.CaCertificatePath), ("ClientCertificatePath", mqtt.ClientCertificatePath), ("ClientKeyPath", mqtt.ClientKeyPath) })
            {
                require(path is null || File.Exists(path), $"Mqtt:{key}", $"'{path}' does not exist.");
            }
        }

        require(mqtt.KeepAliveSeconds is >= 5 and <= 3600, "Mqtt:KeepAliveSeconds", $"{mqtt.KeepAliveSeconds} must be between 5 and 3600.");
        require(mqtt.PublishTimeoutMs is >= 500 and <= 300_000, "Mqtt:PublishTimeoutMs", $"{mqtt.PublishTimeoutMs} must be between 500 and 300000.");
        require(mqtt.ReconnectMinDelayMs is >= 10 and <= 600_000, "Mqtt:ReconnectMinDelayMs", $"{mqtt.ReconnectMinDelayMs} must be between 10 and 600000.");
        require(mqtt.ReconnectMaxDelayMs >= mqtt.ReconnectMinDelayMs && mqtt.ReconnectMaxDelayMs <= 3_600_000, "Mqtt:ReconnectMaxDelayMs", $"{mqtt.ReconnectMaxDelayMs} must be between Mqtt:ReconnectMinDelayMs and 3600000.");
        require(mqtt.BacklogSamplesPerSecond is >= 1 and <= 100_000, "Mqtt:BacklogSamplesPerSecond", $"{mqtt.BacklogSamplesPerSecond} must be between 1 and 100000.");
        require(mqtt.MaxSamplesPerMessage is >= 1 and <= 10_000, "Mqtt:MaxSamplesPerMessage", $"{mqtt.MaxSamplesPerMessage} must be between 1 and 10000.");
    }

    private static void ValidateIotHub(AzureIotHubOptions hub, Action<bool, string, string> require)
    {
        require(Uri.CheckHostName(hub.HostName) == UriHostNameType.Dns, "AzureIotHub:HostName", $"'{hub.HostName}' must be the hub's host name, like myhub.azure-devices.net.");
        require(IsBase64(hub.DeviceKey), "AzureIotHub:DeviceKey", "must be the device's base64 symmetric key.");
        require(hub.SasTokenLifetimeMinutes is >= 5 and <= 525_600, "AzureIotHub:SasTokenLifetimeMinutes", $"{hub.SasTokenLifetimeMinutes} must be between 5 and 525600.");
        require(hub.Server is null || HostPort.TryParse(hub.Server, out _), "AzureIotHub:Server", $"'{hub.Server}' must be host:port.");
    }

    private static void ValidateSensors(SensorsOptions sensors, Action<bool, string, string> require)
    {
        require(sensors.I2cBusId is >= 0 and <= 255, "Sensors:I2cBusId", $"{sensors.I2cBusId} is not an I2C bus number.");
        require(sensors.RetryFaultedAfterMs is >= 100 and <= 86_400_000, "Sensors:RetryFaultedAfterMs", $"{sensors.RetryFaultedAfterMs} must be between 100 and 86400000.");
        require(sensors.Environment.Address is 0x76 or 0x77, "Sensors:Environment:Address", $"0x{sensors.Environment.Address:X2} must be 0x76 or 0x77 (118 or 119), the BME280's addresses.");
        var vibration = sensors.Vibration;
        require(Adxl345DataRate.IsSupported(vibration.SampleRateHz), "Sensors:Vibration:SampleRateHz", $"{vibration.SampleRateHz} must be one of {string.Join(", ", Adxl345DataRate.SupportedHz)}.");
        require(vibration.RangeG is 2 or 4 or 8 or 16, "Sensors:Vibration:RangeG", $"{vibration.RangeG} must be 2, 4, 8 or 16.");
        require(IsWindowSize(vibration.WindowSize), "Sensors:Vibration:WindowSize", $"{vibration.WindowSize} must be a power of two from 64 to 8192.");
        require(vibration.Bands >= 1 && vibration.Bands <= vibration.WindowSize / 2 && vibration.Bands <= 64, "Sensors:Vibration:Bands", $"{vibration.Bands} must be between 1 and 64 and at most half the window.");
        require(vibration.I2cAddress is 0x53 or 0x1D, "Sensors:Vibration:I2cAddress", $"0x{vibration.I2cAddress:X2} must be 0x53 or 0x1D (83 or 29).");
        require(Enum.IsDefined(vibration.Bus), "Sensors:Vibration:Bus", $"'{vibration.Bus}' must be Spi or I2c.");
        require(Enum.IsDefined(vibration.Axis), "Sensors:Vibration:Axis", $"'{vibration.Axis}' must be X, Y or Z.");
        var analog = sensors.Analog;
        require(analog.Address is >= 0x48 and <= 0x4B, "Sensors:Analog:Address", $"0x{analog.Address:X2} must be 0x48 to 0x4B (72 to 75), the ADS1115's addresses.");
        require(Ads1115DataRate.IsSupported(analog.DataRateSps), "Sensors:Analog:DataRateSps", $"{analog.DataRateSps} must be one of {string.Join(", ", Ads1115DataRate.Supported)}.");
        for (var i = 0; i < analog.Channels.Count; i++)
        {
            var channel = analog.Channels[i];
            require(ReadingNamePattern().IsMatch(channel.Name), $"Sensors:Analog:Channels:{i}:Name", $"'{channel.Name}' must be a reading name with its unit, like current_a.");
            require(Enum.IsDefined(channel.Input), $"Sensors:Analog:Channels:{i}:Input", $"'{channel.Input}' is not an ADS1115 input.");
            require(Enum.IsDefined(channel.FullScale), $"Sensors:Analog:Channels:{i}:FullScale", $"'{channel.FullScale}' is not an ADS1115 gain.");
            require(double.IsFinite(channel.Scale) && double.IsFinite(channel.Offset), $"Sensors:Analog:Channels:{i}:Scale", "Scale and Offset must be finite numbers.");
        }

        for (var i = 0; i < sensors.Digital.Inputs.Count; i++)
        {
            var input = sensors.Digital.Inputs[i];
            require(ReadingNamePattern().IsMatch(input.Name), $"Sensors:Digital:Inputs:{i}:Name", $"'{input.Name}' must be a reading name, like running.");
            require(input.Pin is >= 0 and <= 64, $"Sensors:Digital:Inputs:{i}:Pin", $"{input.Pin} is not a GPIO number.");
            require(input.DebounceMs is >= 0 and <= 10_000, $"Sensors:Digital:Inputs:{i}:DebounceMs", $"{input.DebounceMs} must be between 0 and 10000.");
        }
    }

    internal static bool IsWindowSize(int size) => size is >= 64 and <= 8192 && System.Numerics.BitOperations.IsPow2(size);

    private static bool IsBase64(string value) =>
        !string.IsNullOrEmpty(value) && Convert.TryFromBase64String(value, new byte[value.Length], out var written) && written > 0;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex DeviceIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    internal static partial Regex ReadingNamePattern();
}
