namespace WorkOrders.Benchmarks.Tests.EndToEnd;

/// <summary>Reads a RESULT line as a script would: the fields of issue #6, in that order, as name=value pairs.</summary>
internal static class ResultLine
{
    public static readonly IReadOnlyList<string> FieldNames =
        ["devices", "broker_msgs_per_s", "e2e_msgs_per_s", "ratio", "p50_ms", "p99_ms", "lost", "duplicated", "grain_bytes_per_device"];

    /// <summary>The values by name, in the line's order; throws <see cref="FormatException"/> when the line is not one.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string line)
    {
        var words = line.Split(' ');
        if (words[0] != "RESULT" || words.Length != FieldNames.Count + 1)
        {
            throw new FormatException($"Not a RESULT line of {FieldNames.Count} fields: '{line}'.");
        }

        var fields = new Dictionary<string, string>();
        for (var i = 0; i < FieldNames.Count; i++)
        {
            var prefix = FieldNames[i] + "=";
            if (!words[i + 1].StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new FormatException($"Field {i + 1} of '{line}' should be {FieldNames[i]}.");
            }

            fields.Add(FieldNames[i], words[i + 1][prefix.Length..]);
        }

        return fields;
    }
}
