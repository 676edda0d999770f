using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.Pipeline;

/// <summary>Records every write; can be told to refuse the next writes, as a store that is down would.</summary>
internal sealed class FakeTelemetryStore : ITelemetryStore
{
    private int _failuresLeft;

    public List<IReadOnlyList<StoredSample>> Writes { get; } = [];

    public IEnumerable<(string DeviceId, long Seq)> Stored => Writes.SelectMany(w => w).Select(s => (s.DeviceId, s.Seq));

    public void FailNextWrites(int count) => _failuresLeft = count;

    public Task WriteAsync(IReadOnlyList<StoredSample> samples, CancellationToken cancellationToken = default)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new IOException("The time-series store refused the write (503).");
        }

        Writes.Add([.. samples]);
        return Task.CompletedTask;
    }
}
