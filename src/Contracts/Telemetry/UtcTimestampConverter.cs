using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkOrders.Contracts.Telemetry;

/// <summary>
/// Writes timestamps as docs/telemetry.md shows them, in UTC with milliseconds and a <c>Z</c>
/// (<c>2026-11-24T04:00:00.123Z</c>); reads any ISO-8601 timestamp with an offset.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
