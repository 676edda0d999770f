using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WorkOrders.Ingest.Tests.TimeSeries;

/// <summary>A <see cref="FakeTimeProvider"/> that reports each timer it creates: the sync point between a test
/// and code that is about to wait (a back-off), so the test advances time only once the wait has begun.</summary>
internal sealed class SignallingTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly Channel<TimeSpan> created = Channel.CreateUnbounded<TimeSpan>();

    public SignallingTimeProvider()
        : base(DateTimeOffset.Parse("2025-06-01T00:00:00Z", CultureInfo.InvariantCulture))
    {
    }

    public int TimersCreated { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TimersCreated++;
        created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer the code under test creates.</summary>
    public Task<TimeSpan> NextTimerAsync() => created.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
}
