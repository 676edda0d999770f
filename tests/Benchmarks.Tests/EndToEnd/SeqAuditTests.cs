using WorkOrders.Benchmarks.EndToEnd;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class SeqAuditTests
{
    [Fact]
    public async Task CountsNothing_WhenEveryAcknowledgedSeqIsStoredOnce()
    {
        var devices = new[] { Device("a", acked: 3), Device("b", acked: 2) };
        var store = new FakeStoredSeqs { ["a"] = [1, 2, 3], ["b"] = [2, 1] };

        var audit = await SeqAudit.RunAsync(devices, store, CancellationToken.None);

        Assert.Equal(new SeqAuditResult(Acknowledged: 5, Stored: 5, Lost: 0, Duplicated: 0, Unexpected: 0), audit);
    }

    [Fact]
    public async Task CountsLost_ForEachAcknowledgedSeqMissingFromTheStore()
    {
        var devices = new[] { Device("a", acked: 5), Device("b", acked: 2) };
        var store = new FakeStoredSeqs { ["a"] = [1, 2, 4] };

        var audit = await SeqAudit.RunAsync(devices, store, CancellationToken.None);

        Assert.Equal(new SeqAuditResult(Acknowledged: 7, Stored: 3, Lost: 4, Duplicated: 0, Unexpected: 0), audit);
    }

    [Fact]
    public async Task CountsDuplicated_ForEachExtraCopyOfAStoredSeq()
    {
        var devices = new[] { Device("a", acked: 3) };
        var store = new FakeStoredSeqs { ["a"] = [1, 2, 2, 3, 3, 3] };

        var audit = await SeqAudit.RunAsync(devices, store, CancellationToken.None);

        Assert.Equal(new SeqAuditResult(Acknowledged: 3, Stored: 6, Lost: 0, Duplicated: 3, Unexpected: 0), audit);
    }

    [Fact]
    public async Task CountsUnexpected_ForEachStoredSeqThatWasNeverAcknowledged()
    {
        var devices = new[] { Device("a", acked: 2), Device("b", acked: 0) };
        var store = new FakeStoredSeqs { ["a"] = [0, 1, 2, 3], ["b"] = [1] };

        var audit = await SeqAudit.RunAsync(devices, store, CancellationToken.None);

        Assert.Equal(new SeqAuditResult(Acknowledged: 2, Stored: 5, Lost: 0, Duplicated: 0, Unexpected: 3), audit);
    }

    [Fact]
    public async Task CountsAnUnacknowledgedSeqStoredTwice_AsOneUnexpectedAndOneDuplicated()
    {
        var devices = new[] { Device("a", acked: 1) };
        var store = new FakeStoredSeqs { ["a"] = [1, 7, 7] };

        var audit = await SeqAudit.RunAsync(devices, store, CancellationToken.None);

        Assert.Equal(new SeqAuditResult(Acknowledged: 1, Stored: 3, Lost: 0, Duplicated: 1, Unexpected: 1), audit);
    }

    [Fact]
    public async Task AddsUpEveryDevice_OfALargeFleet()
    {
        var devices = Enumerable.Range(0, 100).Select(i => Device($"d{i}", acked: 10)).ToArray();
        var store = new FakeStoredSeqs();
        foreach (var device in devices)
        {
            // Every device lost seq 10 and stored seq 1 twice.
            store[device.DeviceId] = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        }

        var audit = await SeqAudit.RunAsync(devices, store, CancellationToken.None);

        Assert.Equal(new SeqAuditResult(Acknowledged: 1_000, Stored: 1_000, Lost: 100, Duplicated: 100, Unexpected: 0), audit);
    }

    private static LoadDevice Device(string id, long acked)
    {
        var device = new LoadDevice(id, [new Dictionary<string, double>()]);
        device.Acknowledged(acked);
        return device;
    }

    private sealed class FakeStoredSeqs : Dictionary<string, long[]>, IStoredSeqs
    {
        public Task<IReadOnlyList<long>> ReadAsync(string deviceId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<long>>(TryGetValue(deviceId, out var seqs) ? seqs : []);
    }
}
