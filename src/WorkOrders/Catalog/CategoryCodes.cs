namespace WorkOrders.Maintenance.Catalog;

/// <summary>The codes of the categories seeded on every store (<see cref="DefaultCatalog"/>).</summary>
public static class CategoryCodes
{
    public const string Repair = "repair";
    public const string Installation = "installation";
    public const string Inspection = "inspection";
    public const string PreventiveMaintenance = "preventive-maintenance";
    public const string Complaint = "complaint";
    public const string Consultation = "consultation";

    /// <summary>
    /// Lower-case, trimmed; a PascalCase or spaced name of a code is accepted too
    /// (<c>PreventiveMaintenance</c>, <c>preventive maintenance</c> → <c>preventive-maintenance</c>).
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var builder = new System.Text.StringBuilder(trimmed.Length + 4);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is ' ' or '_')
            {
                builder.Append('-');
            }
            else if (char.IsUpper(c) && i > 0 && char.IsLower(trimmed[i - 1]))
            {
                builder.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
