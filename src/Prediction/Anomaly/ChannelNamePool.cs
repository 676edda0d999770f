using System.Collections.Concurrent;

namespace WorkOrders.Prediction.Anomaly;

/// <summary>
/// One shared array per distinct list of channel names, so the detectors of a thousand pumps hold one
/// <c>["flow", "pressure", …]</c> between them instead of a thousand copies of the array and its strings (about 500
/// bytes a device with ten channels). Shared arrays are never written to: a detector that gains a channel builds a new
/// one. Bounded: past <see cref="Capacity"/> distinct lists, names are kept as given (correct, only not shared).
/// Thread-safe; one per <see cref="AnomalyDetectorFactory"/> (in its <see cref="DetectorSharing"/>).
/// </summary>
internal sealed class ChannelNamePool
{
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    /// <summary>The pool's array equal to <paramref name="names"/> (element by element), or <paramref name="names"/> itself when there is none yet.</summary>
    public string[] Share(string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var key = string.Join('\n', names);
        if (_lists.TryGetValue(key, out var shared) || (_lists.Count < Capacity && _lists.TryAdd(key, names)))
        {
            shared ??= names;
            return shared.AsSpan().SequenceEqual(names) ? shared : names;
        }

        return names;
    }

    /// <summary>The pool's copy of a single name (an asset type).</summary>
    public string Share(string name) => Share([name ?? throw new ArgumentNullException(nameof(name))])[0];
}
