using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkOrders.Maintenance.Intake;

/// <summary>The JSON intake stores: template free values and the data of the duplicate-link events.</summary>
public static class IntakeJson
{
    public static string? Fields(IReadOnlyDictionary<string, string>? fields) =>
        fields is null || fields.Count == 0 ? null : JsonSerializer.Serialize(new Dictionary<string, string>(fields), IntakeJsonContext.Default.DictionaryStringString);

    public static IReadOnlyDictionary<string, string>? ParseFields(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, IntakeJsonContext.Default.DictionaryStringString);

    public static string Link(Guid originalId, string originalNumber, Guid duplicateId, string duplicateNumber) =>
        JsonSerializer.Serialize(new LinkData(originalId, originalNumber, duplicateId, duplicateNumber), IntakeJsonContext.Default.LinkData);

    internal sealed record LinkData(Guid OriginalId, string OriginalNumber, Guid DuplicateId, string DuplicateNumber);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IntakeJson.LinkData))]
internal sealed partial class IntakeJsonContext : JsonSerializerContext;
