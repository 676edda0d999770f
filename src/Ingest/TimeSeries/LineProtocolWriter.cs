using System.Globalization;
using System.Text;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// Builds InfluxDB line protocol, one point per line: <c>measurement[,tag=value...] field=value[,...] timestampMs</c>.
/// Escapes names as the spec says; never writes NaN or infinities (the field is skipped), and drops a point that is
/// left without fields.
/// </summary>
public sealed class LineProtocolWriter(StringBuilder? buffer = null)
{
    private static readonly char[] MeasurementSpecials = [',', ' '];
    private static readonly char[] KeySpecials = [',', '=', ' '];
    private readonly StringBuilder output = buffer ?? new StringBuilder();
    private int lineStart = -1;
    private int fieldCount;

    /// <summary>Points written so far (dropped points not counted).</summary>
    public int LineCount { get; private set; }

    public StringBuilder Buffer => output;

    public LineProtocolWriter Measurement(string name)
    {
        if (lineStart >= 0)
        {
            throw new InvalidOperationException("End the previous point with EndPoint before starting another.");
        }

        lineStart = output.Length;
        fieldCount = 0;
        AppendEscaped(name, MeasurementSpecials, "measurement");
        return this;
    }

    public LineProtocolWriter Tag(string key, string value)
    {
        EnsureInPoint();
        if (fieldCount > 0)
        {
            throw new InvalidOperationException("Tags come before fields.");
        }

        output.Append(',');
        AppendEscaped(key, KeySpecials, "tag key");
        output.Append('=');
        AppendEscaped(value, KeySpecials, "tag value");
        return this;
    }

    /// <summary>A float field; NaN and infinities are skipped (InfluxDB cannot store them).</summary>
    public LineProtocolWriter Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            EnsureInPoint();
            return this;
        }

        StartField(key);
        output.Append(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>An integer field, written with the <c>i</c> suffix.</summary>
    public LineProtocolWriter Field(string key, long value)
    {
        StartField(key);
        output.Append(value.ToString(CultureInfo.InvariantCulture)).Append('i');
        return this;
    }

    /// <summary>A string field: double quotes and backslashes are escaped.</summary>
    public LineProtocolWriter Field(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StartField(key);
        output.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                output.Append('\\');
            }

            output.Append(c);
        }

        output.Append('"');
        return this;
    }

    /// <summary>Ends the point with its timestamp in milliseconds; returns false (and writes nothing) when it had no fields.</summary>
    public bool EndPoint(DateTimeOffset timestamp)
    {
        EnsureInPoint();
        var written = fieldCount > 0;
        if (written)
        {
            output.Append(' ').Append(timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
            LineCount++;
        }
        else
        {
            output.Length = lineStart;
        }

        lineStart = -1;
        return written;
    }

    public override string ToString() => output.ToString();

    private void StartField(string key)
    {
        EnsureInPoint();
        output.Append(fieldCount == 0 ? ' ' : ',');
        AppendEscaped(key, KeySpecials, "field key");
        output.Append('=');
        fieldCount++;
    }

    private void EnsureInPoint()
    {
        if (lineStart < 0)
        {
            throw new InvalidOperationException("Start a point with Measurement first.");
        }
    }

    private void AppendEscaped(string value, char[] specials, string what)
    {
        LineProtocol.EnsureRepresentable(value, specials, what);
        foreach (var c in value)
        {
            if (Array.IndexOf(specials, c) >= 0)
            {
                output.Append('\\');
            }

            output.Append(c);
        }
    }
}
