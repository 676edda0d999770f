using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>
/// Records every write; can be told to refuse the next writes, as a store that is down would, or to hold its writes
/// open until a test lets them finish.
/// </summary>
internal sealed class FakeTelemetryStore : ITelemetryStore
{
    private int _failuresLeft;
    private TaskCompletionSource? _held;

    public List<IReadOnlyList<StoredSample>> Writes { get; } = [];

    public IEnumerable<(string DeviceId, long Seq)> Stored => Writes.SelectMany(w => w).Select(s => (s.DeviceId, s.Seq));

    public void FailNextWrites(int count) => _failuresLeft = count;

    /// <summary>Writes from now on wait until <see cref="ReleaseWrites"/> before they are recorded.</summary>
    public void HoldWrites() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseWrites() => _held?.TrySetResult();

    public async Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new IOException("The time-series store refused the write (503).");
        }

        if (_held is { } held)
        {
            await held.Task.WaitAsync(cancellationToken);
        }

        Writes.Add([.. samples]);
    }
}
