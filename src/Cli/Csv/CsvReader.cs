using System.Globalization;
using System.Text;

namespace WorkOrders.Cli.Csv;

/// <summary>Reads comma-separated files with a header; fields may be double-quoted. Every problem is a <see cref="CsvFormatException"/>.</summary>
public static class CsvReader
{
    public static async Task<CsvDocument> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new CsvFormatException(file, 0, 0, "file not found");
        }

        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string[]? header = null;
        var rows = new List<CsvRow>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(file, lineNumber, line);
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                continue;
            }

            if (fields.Length != header.Length)
            {
                var column = Math.Min(fields.Length, header.Length) + 1;
                var problem = fields.Length < header.Length
                    ? $"missing value for column '{header[column - 1]}' (expected {header.Length} fields, found {fields.Length})"
                    : $"unexpected extra field (expected {header.Length} fields, found {fields.Length})";
                throw new CsvFormatException(file, lineNumber, column, problem);
            }

            rows.Add(new CsvRow(lineNumber, fields));
        }

        if (header is null)
        {
            throw new CsvFormatException(file, 1, 1, "the file is empty: expected a header line");
        }

        return new CsvDocument(file, header, rows);
    }

    /// <summary>Parses a number; the caller decides whether blanks and NaN are gaps or errors.</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("nan", StringComparison.OrdinalIgnoreCase) || t.Equals("null", StringComparison.OrdinalIgnoreCase)
            || t.Equals("na", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }

    private static string[] Split(string file, int lineNumber, string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(',');
        }

        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(file, lineNumber, fields.Count + 1, "unterminated quoted field");
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
