using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkOrders.Grains.Devices;

/// <summary>
/// Latest readings as a JSON object (<c>{"flow": 41.2, …}</c>), exactly as the dictionary they used to be: states stored
/// before and after <see cref="ChannelReadings"/> read and write the same. Numbers go through the caller's options.
/// </summary>
public sealed class ReadingsJsonConverter : JsonConverter<IReadOnlyDictionary<string, double>>
{
    /// <summary>A stored <c>null</c> loads as no readings, never as a null dictionary.</summary>
    public override bool HandleNull => true;

    public override IReadOnlyDictionary<string, double>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ChannelReadings.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Latest readings must be a JSON object, not {reader.TokenType}.");
        }

        var readings = new List<KeyValuePair<string, double>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            readings.Add(new(name, JsonSerializer.Deserialize<double>(ref reader, options)));
        }

        return ChannelReadings.Own(readings);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, double> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var (name, reading) in value)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, reading, options);
        }

        writer.WriteEndObject();
    }
}
