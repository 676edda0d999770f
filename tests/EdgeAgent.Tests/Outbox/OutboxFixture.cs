using WorkOrders.EdgeAgent.Outbox;
using WorkOrders.EdgeAgent.Tests.Fakes;

namespace WorkOrders.EdgeAgent.Tests.Outbox;

/// <summary>Opens and reopens a <see cref="DiskOutbox"/> on one scratch directory, as restarts would.</summary>
public sealed class OutboxFixture : IDisposable
{
    private readonly ScratchDirectory _directory = new();
    private DiskOutbox? _outbox;

    public OutboxFixture(long maxBytes = 64 * 1024 * 1024, long segmentBytes = 1024 * 1024)
    {
        Settings = new OutboxSettings(_directory.Path, maxBytes, segmentBytes, FlushToDisk: false);
    }

    public OutboxSettings Settings { get; }

    public CollectingLogger<DiskOutbox> Logger { get; private set; } = new();

    public DiskOutbox Outbox => _outbox ??= DiskOutbox.Open(Settings, Logger);

    public string[] Segments => Directory.GetFiles(Settings.Directory, "*.seg").Order(StringComparer.Ordinal).ToArray();

    public static Dictionary<string, double> Readings(double value) => new() { ["temperature_c"] = value };

    public DiskOutbox Reopen()
    {
        _outbox?.Dispose();
        Logger = new CollectingLogger<DiskOutbox>();
        _outbox = DiskOutbox.Open(Settings, Logger);
        return _outbox;
    }

    public List<long> AppendMany(int count)
    {
        var seqs = new List<long>();
        for (var i = 0; i < count; i++)
        {
            seqs.Add(Outbox.Append(DateTimeOffset.UnixEpoch.AddSeconds(i), Readings(i)).Seq);
        }

        return seqs;
    }

    public List<long> PendingSeqs(long afterSeq = 0, long upToSeq = long.MaxValue) =>
        Outbox.ReadPending(afterSeq, upToSeq, int.MaxValue).Select(r => r.Seq).ToList();

    public void Dispose()
    {
        _outbox?.Dispose();
        _directory.Dispose();
    }
}
