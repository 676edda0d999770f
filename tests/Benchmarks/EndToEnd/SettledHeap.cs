using System.Runtime;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// The managed heap once it has settled: full blocking compacting collections (the large-object heap compacted too),
/// <see cref="Pause"/> apart, until two readings in a row differ by at most <see cref="Tolerance"/> (finalizers and
/// background loops that finish their work in between are then done), at most <see cref="MaxTries"/> times.
/// </summary>
internal static class SettledHeap
{
    private const long Tolerance = 16 * 1024;
    private const int MaxTries = 10;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public static async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        var previous = FullGcHeapBytes();
        for (var tries = 2; tries <= MaxTries; tries++)
        {
            await Task.Delay(Pause, cancellationToken);
            var current = FullGcHeapBytes();
            if (Math.Abs(current - previous) <= Tolerance)
            {
                return new Reading(current, tries, Settled: true, ThreadPool.ThreadCount);
            }

            previous = current;
        }

        return new Reading(previous, MaxTries, Settled: false, ThreadPool.ThreadCount);
    }

    private static long FullGcHeapBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Bytes in use, after how many collections, whether the last two agreed, and the thread pool's threads then.</summary>
    public sealed record Reading(long Bytes, int Collections, bool Settled, int Threads);
}
