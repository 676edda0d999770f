using System.Text;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// How a <see cref="StoredSample"/> becomes one line of InfluxDB line protocol: measurement <c>telemetry</c>, tag
/// <c>device</c>, one float field per reading (sorted by name), integer field <c>seq</c>, timestamp = the sample's
/// time in ms. InfluxDB keeps one point per series and timestamp, so writing the same (device, seq, ts) twice
/// leaves one point: writes are idempotent.
/// </summary>
public static class LineProtocol
{
    public const string Measurement = "telemetry";
    public const string DeviceTag = "device";
    public const string SeqField = "seq";

    /// <summary>Field names a reading may not use: <c>seq</c> is ours, <c>time</c> is InfluxDB's.</summary>
    public static readonly IReadOnlySet<string> ReservedFieldNames = new HashSet<string>(StringComparer.Ordinal) { SeqField, "time" };

    /// <summary>Appends the sample's line; false when the point had no fields (it cannot: <c>seq</c> is always one).</summary>
    public static bool Append(LineProtocolWriter writer, StoredSample sample)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sample);
        writer.Measurement(Measurement).Tag(DeviceTag, sample.DeviceId);
        foreach (var (name, value) in sample.Readings.OrderBy(reading => reading.Key, StringComparer.Ordinal))
        {
            if (ReservedFieldNames.Contains(name))
            {
                throw new ArgumentException(
                    $"Device '{sample.DeviceId}' sent a reading named '{name}', which is reserved in the time-series store.",
                    nameof(sample));
            }

            writer.Field(name, value);
        }

        writer.Field(SeqField, sample.Seq);
        return writer.EndPoint(sample.Timestamp);
    }

    /// <summary>The lines of the samples, each ending with a newline.</summary>
    public static string Encode(IEnumerable<StoredSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var writer = new LineProtocolWriter(new StringBuilder());
        foreach (var sample in samples)
        {
            Append(writer, sample);
        }

        return writer.ToString();
    }

    /// <summary>
    /// Line protocol has no escape for line breaks, cannot express an empty name, and a backslash right before a
    /// character that needs escaping (or at the end) would swallow the escape: such names are refused.
    /// </summary>
    internal static void EnsureRepresentable(string value, char[] specials, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"An InfluxDB {what} cannot be empty.", nameof(value));
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\n' or '\r')
            {
                throw new ArgumentException($"The {what} '{value}' contains a line break, which line protocol cannot carry.", nameof(value));
            }

            if (c == '\\' && (i == value.Length - 1 || Array.IndexOf(specials, value[i + 1]) >= 0))
            {
                throw new ArgumentException(
                    $"The {what} '{value}' has a backslash before '{(i == value.Length - 1 ? "the end" : value[i + 1])}', " +
                    "which line protocol cannot carry unambiguously.", nameof(value));
            }
        }
    }
}
