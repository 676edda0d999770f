using System.Globalization;
using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Simulators;

/// <summary>
/// Timestamped readings read from CSV, to be replayed as one device. The header names a time column
/// (<c>ts</c>, <c>timestamp</c> or <c>time</c>: ISO 8601, or Unix seconds / milliseconds) and the readings; an empty
/// cell is a missing reading. Columns named <c>device_id</c>, <c>deviceId</c> or <c>seq</c> are ignored (the replay
/// numbers samples itself). Rows are sorted by time.
/// </summary>
public sealed record ReplayRecording(IReadOnlyList<TelemetrySampleMessage> Samples)
{
    private static readonly string[] TimeColumns = ["ts", "timestamp", "time"];
    private static readonly string[] IgnoredColumns = ["device_id", "deviceid", "seq"];

    /// <summary>Reads a CSV file; throws <see cref="FormatException"/> naming the file, line and column of a bad cell.</summary>
    public static ReplayRecording Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static ReplayRecording Parse(TextReader reader, string source = "csv")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim()).ToArray()
            ?? throw new FormatException($"{source}: the file is empty; expected a header line");
        var timeColumn = Array.FindIndex(header, h => TimeColumns.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (timeColumn < 0)
        {
            throw new FormatException($"{source}:1: no time column; name one of {string.Join(", ", TimeColumns)}");
        }

        var samples = new List<TelemetrySampleMessage>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            var readings = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < cells.Length; i++)
            {
                var cell = cells[i].Trim();
                if (i == timeColumn || cell.Length == 0 || IgnoredColumns.Contains(header[i], StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new FormatException($"{source}:{lineNumber}: column '{header[i]}' holds '{cell}', not a number");
                }

                readings[header[i]] = value;
            }

            var ts = ParseTime(cells.ElementAtOrDefault(timeColumn)?.Trim() ?? "")
                ?? throw new FormatException($"{source}:{lineNumber}: column '{header[timeColumn]}' holds '{cells.ElementAtOrDefault(timeColumn)}', not a time");
            samples.Add(new TelemetrySampleMessage(null, ts, readings));
        }

        return new ReplayRecording([.. samples.OrderBy(s => s.Ts)]);
    }

    private static DateTimeOffset? ParseTime(string cell)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var unix))
        {
            return unix > 1e11 ? DateTimeOffset.FromUnixTimeMilliseconds((long)unix) : DateTimeOffset.FromUnixTimeMilliseconds((long)(unix * 1000));
        }

        return DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }
}
