using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace WorkOrders.Grains.Devices;

/// <summary>
/// A device's latest readings as values aligned with a list of channel names that many devices share (the detector's,
/// see <c>ChannelNamePool</c>): about 140 bytes a device with ten channels, against ~950 for a dictionary with key strings
/// of its own. Immutable. A channel the sample did not carry holds <see cref="double.NaN"/> and is not listed.
/// Stored as the same JSON object as a dictionary (<see cref="ReadingsJsonConverter"/>).
/// </summary>
public sealed class ChannelReadings : IReadOnlyDictionary<string, double>
{
    private readonly IReadOnlyList<string> _names;
    private readonly double[] _values;

    private ChannelReadings(IReadOnlyList<string> names, double[] values)
    {
        _names = names;
        _values = values;
    }

    public static ChannelReadings Empty { get; } = new([], []);

    /// <summary>The channel names the values are aligned with (shared with the detector and other devices).</summary>
    internal IReadOnlyList<string> Names => _names;

    /// <summary>
    /// The readings aligned with <paramref name="names"/>, or as given (copied into a dictionary) when a reading is not
    /// finite or not among the names: they are kept exactly either way.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Align(IReadOnlyList<string> names, IReadOnlyDictionary<string, double> readings)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(readings);
        if (readings is ChannelReadings aligned && ReferenceEquals(aligned._names, names))
        {
            return aligned;
        }

        var values = new double[names.Count];
        values.AsSpan().Fill(double.NaN);
        foreach (var (name, value) in readings)
        {
            var index = IndexOf(names, name);
            if (index < 0 || !double.IsFinite(value))
            {
                return readings as Dictionary<string, double> ?? new Dictionary<string, double>(readings);
            }

            values[index] = value;
        }

        return new ChannelReadings(names, values);
    }

    /// <summary>Readings with names of their own (as read from storage), to be aligned with shared names later.</summary>
    internal static IReadOnlyDictionary<string, double> Own(List<KeyValuePair<string, double>> readings)
    {
        var names = readings.Select(r => r.Key).ToArray();
        return names.Distinct(StringComparer.Ordinal).Count() == names.Length && readings.All(r => double.IsFinite(r.Value))
            ? new ChannelReadings(names, [.. readings.Select(r => r.Value)])
            : new Dictionary<string, double>(readings.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g => g.Last()), StringComparer.Ordinal);
    }

    public int Count => _values.Count(double.IsFinite);

    public IEnumerable<string> Keys => this.Select(r => r.Key);

    public IEnumerable<double> Values => this.Select(r => r.Value);

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No reading '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var index = IndexOf(_names, key);
        value = index >= 0 ? _values[index] : default;
        return index >= 0 && double.IsFinite(value);
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (double.IsFinite(_values[i]))
            {
                yield return new(_names[i], _values[i]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
