using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WorkOrders.Simulators;

/// <summary>
/// Scenario files: camelCase, comments and trailing commas allowed, unknown fields rejected (so typos name
/// themselves), nulls and missing required values rejected with their path. Reflection-based on purpose: the source
/// generator assigns every init-only property, so the defaults of fields a file leaves out would be lost.
/// </summary>
internal static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
