namespace WorkOrders.Maintenance.Validation;

/// <summary>Messages per field (camelCase, as the JSON names them), ready for a ValidationProblem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public bool Contains(string field) => errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds "is required" when blank and "at most N characters" when too long; returns the trimmed value.</summary>
    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null)
        {
            if (required)
            {
                Add(field, $"{field} is required.");
            }
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters (it has {trimmed.Length}).");
        }

        return trimmed;
    }

    /// <summary>Parses an enum name (any case); adds a message listing the allowed names otherwise.</summary>
    public TEnum? Enum<TEnum>(string field, string? value, bool required, IReadOnlyCollection<TEnum>? allowed = null)
        where TEnum : struct, Enum
    {
        var names = (allowed ?? System.Enum.GetValues<TEnum>()).Select(v => v.ToString()).ToList();
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{field} is required: one of {string.Join(", ", names)}.");
            }

            return null;
        }

        if (System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed)
            && !int.TryParse(value, out _)
            && names.Contains(parsed.ToString()))
        {
            return parsed;
        }

        Add(field, $"{field} must be one of {string.Join(", ", names)}; '{value}' is not.");
        return null;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
