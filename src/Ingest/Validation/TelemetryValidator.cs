using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Telemetry;
using WorkOrders.Grains.Devices;

namespace WorkOrders.Ingest.Validation;

/// <summary>
/// Checks one telemetry message against docs/telemetry.md. Pure: no I/O, so it is cheap to test
/// and cheap on the hot path. Registry checks (unknown devices) happen in the pipeline.
/// </summary>
public sealed partial class TelemetryValidator(IOptions<TelemetryValidationOptions> options, TimeProvider timeProvider)
{
    // Named literals ("NaN", "Infinity") are parsed, so that they are rejected with their own reason.
    private static readonly TelemetryJsonContext LenientJson = new(new JsonSerializerOptions
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new UtcTimestampConverter() },
    });

    public ValidatedMessage Validate(string topic, ReadOnlySequence<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var settings = options.Value;
        var topicDevice = TelemetryTopics.DeviceIdFrom(topic);
        if (topicDevice is null || !topic.EndsWith("/telemetry", StringComparison.Ordinal) || !DeviceIdPattern().IsMatch(topicDevice))
        {
            return Reject(null, RejectReason.BadTopic, $"'{topic}' is not pdm/v1/{{deviceId}}/telemetry with a device id of letters, digits, '.', '_' or '-'.");
        }

        if (payload.Length > settings.MaxPayloadBytes)
        {
            return Reject(topicDevice, RejectReason.Oversized, $"The body has {payload.Length} bytes; at most {settings.MaxPayloadBytes} are accepted.");
        }

        TelemetryMessage message;
        try
        {
            var reader = new Utf8JsonReader(payload);
            message = JsonSerializer.Deserialize(ref reader, LenientJson.TelemetryMessage)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException exception)
        {
            return Reject(topicDevice, RejectReason.BadJson, $"The body is not a telemetry JSON object: {exception.Message}");
        }

        if (string.IsNullOrEmpty(message.DeviceId))
        {
            return Reject(topicDevice, RejectReason.MissingField, "'deviceId' is required.");
        }

        if (!string.Equals(message.DeviceId, topicDevice, StringComparison.Ordinal))
        {
            return Reject(topicDevice, RejectReason.DeviceMismatch, $"'deviceId' is '{message.DeviceId}' but the topic is for '{topicDevice}'.");
        }

        var samples = message.Samples
            ?? (message.Seq is null && message.Ts is null && message.Readings is null
                ? []
                : [new TelemetrySampleMessage(message.Seq, message.Ts, message.Readings)]);
        if (samples.Count == 0)
        {
            return Reject(topicDevice, RejectReason.MissingField, "The body has neither 'seq', 'ts' and 'readings' nor a non-empty 'samples' array.");
        }

        if (samples.Count > settings.MaxSamplesPerMessage)
        {
            return Reject(topicDevice, RejectReason.TooManySamples, $"The batch has {samples.Count} samples; at most {settings.MaxSamplesPerMessage} are accepted.");
        }

        var now = timeProvider.GetUtcNow();
        var accepted = new List<TelemetryPoint>(samples.Count);
        var rejections = new List<Rejection>();
        for (var index = 0; index < samples.Count; index++)
        {
            if (ValidateSample(samples[index], index, now, settings) is { } rejection)
            {
                rejections.Add(rejection);
            }
            else
            {
                var sample = samples[index];
                accepted.Add(new TelemetryPoint(sample.Seq!.Value, sample.Ts!.Value, sample.Readings!));
            }
        }

        return new ValidatedMessage(topicDevice, accepted, rejections);
    }

    private static Rejection? ValidateSample(TelemetrySampleMessage? sample, int index, DateTimeOffset now, TelemetryValidationOptions settings)
    {
        if (sample is null)
        {
            return new(RejectReason.MissingField, $"{Where(index, null)} is null.");
        }

        if (sample.Seq is null)
        {
            return new(RejectReason.MissingField, $"{Where(index, sample.Seq)}: 'seq' is required.");
        }

        if (sample.Seq < 0)
        {
            return new(RejectReason.InvalidSeq, $"{Where(index, sample.Seq)}: 'seq' must not be negative.");
        }

        if (sample.Ts is not { } timestamp)
        {
            return new(RejectReason.MissingField, $"{Where(index, sample.Seq)}: 'ts' is required.");
        }

        if (timestamp > now + settings.MaxFutureSkew)
        {
            return new(RejectReason.FutureTimestamp, $"{Where(index, sample.Seq)}: 'ts' {timestamp:O} is more than {settings.MaxFutureSkew} ahead of the server clock ({now:O}).");
        }

        if (timestamp < now - settings.MaxAge)
        {
            return new(RejectReason.StaleTimestamp, $"{Where(index, sample.Seq)}: 'ts' {timestamp:O} is older than {settings.MaxAge}.");
        }

        if (sample.Readings is not { Count: > 0 } readings)
        {
            return new(RejectReason.MissingField, $"{Where(index, sample.Seq)}: 'readings' must hold at least one value.");
        }

        if (readings.Count > settings.MaxReadingsPerSample)
        {
            return new(RejectReason.TooManyReadings, $"{Where(index, sample.Seq)}: {readings.Count} readings; at most {settings.MaxReadingsPerSample} are accepted.");
        }

        foreach (var (name, value) in readings)
        {
            if (!ReadingNamePattern().IsMatch(name))
            {
                return new(RejectReason.InvalidReadingName, $"{Where(index, sample.Seq)}: reading name '{name}' must be lower-case letters, digits and '_' (at most 64), starting with a letter.");
            }

            if (!double.IsFinite(value))
            {
                return new(RejectReason.NonFiniteValue, $"{Where(index, sample.Seq)}: '{name}' is {value.ToString(CultureInfo.InvariantCulture)}; only finite numbers are accepted.");
            }

            var range = RangeFor(name, settings);
            if (value < range.Min || value > range.Max)
            {
                return new(RejectReason.ValueOutOfRange, string.Create(CultureInfo.InvariantCulture, $"{Where(index, sample.Seq)}: '{name}' = {value} is outside [{range.Min}, {range.Max}]."));
            }
        }

        return null;
    }

    /// <summary>Names a sample in a rejection; built only when a sample is rejected.</summary>
    private static string Where(int index, long? seq) =>
        seq is { } s ? string.Create(CultureInfo.InvariantCulture, $"sample {index} (seq {s})") : string.Create(CultureInfo.InvariantCulture, $"sample {index}");

    private static ValueRange RangeFor(string name, TelemetryValidationOptions settings)
    {
        ValueRange? best = null;
        var bestLength = -1;
        foreach (var (key, range) in settings.Ranges)
        {
            if (key.Length > bestLength && name.EndsWith(key, StringComparison.Ordinal))
            {
                best = range;
                bestLength = key.Length;
            }
        }

        return best ?? new ValueRange(-settings.MaxAbsoluteValue, settings.MaxAbsoluteValue);
    }

    private static ValidatedMessage Reject(string? deviceId, string reason, string detail) =>
        new(deviceId, [], [new Rejection(reason, detail)]);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex DeviceIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex ReadingNamePattern();
}
