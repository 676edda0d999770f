using System.Text;

namespace WorkOrders.Maintenance.Intake;

/// <summary>
/// A comma-separated text with a header row (RFC 4180: fields may be double-quoted, with <c>""</c> for a quote and
/// line breaks inside quotes). Each row keeps the line it starts on, so problems can name it.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvTable.Row> Rows)
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    /// <summary>Parses <paramref name="text"/>; blank lines are skipped. Throws <see cref="FormatException"/> naming the line.</summary>
    public static CsvTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {recordLine}: a quoted field is not closed.");
        }

        EndRecord();
        if (records.Count == 0)
        {
            throw new FormatException("line 1: the file is empty; expected a header row.");
        }

        return new CsvTable([.. records[0].Fields.Select(h => h.Trim())], [.. records.Skip(1)]);

        void EndRecord()
        {
            if (fieldStarted || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                if (fields.Count > 1 || fields[0].Trim().Length > 0)
                {
                    records.Add(new Row(recordLine, [.. fields]));
                }
            }

            fields.Clear();
            field.Clear();
            fieldStarted = false;
        }
    }
}
