using System.Globalization;
using WorkOrders.Cli.Csv;

namespace WorkOrders.Cli.Detect;

/// <summary>A detect input: timestamps, the numeric channels (NaN marks a gap) and the first column's text as written.</summary>
public sealed record SeriesFile(
    string File,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> TimestampText,
    IReadOnlyList<DateTimeOffset> Timestamps,
    IReadOnlyList<string> FirstValueText,
    double[][] Values)
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    public static SeriesFile From(CsvDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var header = document.Header;
        if (header.Count < 2 || !header[0].Equals("timestamp", StringComparison.OrdinalIgnoreCase))
        {
            var column = header.Count == 0 || !header[0].Equals("timestamp", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
            throw new CsvFormatException(document.File, 1, column,
                column == 1 ? $"expected the first column to be 'timestamp', found '{header.ElementAtOrDefault(0)}'" : "expected at least one numeric column after 'timestamp'");
        }

        if (document.Rows.Count == 0)
        {
            throw new CsvFormatException(document.File, 2, 1, "no data rows after the header");
        }

        var channels = header.Skip(1).ToArray();
        for (var c = 0; c < channels.Length; c++)
        {
            if (channels[c].Length == 0 || Array.IndexOf(channels, channels[c]) != c)
            {
                throw new CsvFormatException(document.File, 1, c + 2,
                    channels[c].Length == 0 ? "empty column name" : $"column '{channels[c]}' appears twice");
            }
        }

        var timestampText = new string[document.Rows.Count];
        var timestamps = new DateTimeOffset[document.Rows.Count];
        var firstText = new string[document.Rows.Count];
        var values = new double[document.Rows.Count][];
        for (var r = 0; r < document.Rows.Count; r++)
        {
            var row = document.Rows[r];
            timestampText[r] = row.Fields[0].Trim();
            timestamps[r] = ParseTimestamp(document.File, row.Line, timestampText[r]);
            firstText[r] = row.Fields[1].Trim();
            values[r] = new double[channels.Length];
            for (var c = 0; c < channels.Length; c++)
            {
                if (!CsvReader.TryParseNumber(row.Fields[c + 1], out values[r][c]))
                {
                    throw new CsvFormatException(document.File, row.Line, c + 2,
                        $"'{row.Fields[c + 1].Trim()}' in column '{channels[c]}' is not a number");
                }
            }
        }

        return new SeriesFile(document.File, channels, timestampText, timestamps, firstText, values);
    }

    private static DateTimeOffset ParseTimestamp(string file, int line, string text)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, styles, out var exact)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out exact))
        {
            return exact;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > -1e11 and < 1e11)
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        }

        throw new CsvFormatException(file, line, 1, $"'{text}' is not a timestamp (ISO-8601 or yyyy-MM-dd HH:mm:ss)");
    }
}
