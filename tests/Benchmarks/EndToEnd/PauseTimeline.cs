namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>
/// When the platform paused during a phase, on the wall clock the samples' publish and scored times use: the embedded
/// store's checkpoint passes that held writes back (from their metric, which ends when the pass does) and the
/// runtime's garbage-collection pauses (a thread of its own reads <see cref="GC.GetTotalPauseDuration"/> every few
/// milliseconds; a pause is placed just before the reading that saw it).
/// </summary>
internal sealed class PauseTimeline : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(2);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _gcPoller;
    private List<Pause> _storeHolds = [];
    private List<Pause> _gcPauses = [];

    public PauseTimeline()
    {
        _gcPoller = new Thread(PollGc) { IsBackground = true, Name = "e2e-gc-poller" };
        _gcPoller.Start();
    }

    /// <summary>A checkpoint pass that held the store's writes back for <paramref name="elapsedMs"/> just ended.</summary>
    public void StoreHeldWrites(double elapsedMs) => Add(ref _storeHolds, Pause.EndingNow(elapsedMs));

    /// <summary>The pauses since the last call, each list in time order.</summary>
    public PhasePauses Take()
    {
        lock (_gate)
        {
            var taken = new PhasePauses(_storeHolds, _gcPauses);
            (_storeHolds, _gcPauses) = ([], []);
            return taken;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _gcPoller.Join();
        _stopping.Dispose();
    }

    private void Add(ref List<Pause> pauses, Pause pause)
    {
        lock (_gate)
        {
            pauses.Add(pause);
        }
    }

    private void PollGc()
    {
        var seen = GC.GetTotalPauseDuration();
        while (!_stopping.Token.WaitHandle.WaitOne(PollEvery))
        {
            var total = GC.GetTotalPauseDuration();
            if (total > seen)
            {
                Add(ref _gcPauses, Pause.EndingNow((total - seen).TotalMilliseconds));
                seen = total;
            }
        }
    }
}

/// <summary>A span of wall-clock time, in Unix milliseconds.</summary>
internal readonly record struct Pause(double StartMs, double EndMs)
{
    public double Milliseconds => EndMs - StartMs;

    public static Pause EndingNow(double elapsedMs)
    {
        var now = SampleSpan.UnixMilliseconds(DateTimeOffset.UtcNow);
        return new Pause(now - elapsedMs, now);
    }

    public bool Overlaps(SampleSpan sample) => StartMs < sample.ScoredMs && sample.PublishedMs < EndMs;
}

/// <summary>One phase's pauses, each list in time order.</summary>
internal sealed record PhasePauses(IReadOnlyList<Pause> StoreHolds, IReadOnlyList<Pause> GcPauses);
