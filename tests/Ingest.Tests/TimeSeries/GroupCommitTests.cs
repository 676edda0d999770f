using WorkOrders.Ingest.TimeSeries;

namespace WorkOrders.Ingest.Tests.TimeSeries;

public sealed class GroupCommitTests
{
    // A guard against a hang, not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IReadOnlyList<string>> _commits = [];

    [Fact]
    public async Task WritesQueuedWhileTheGateIsHeld_AreCommittedTogether_InTheOrderTheyCame()
    {
        var commits = new GroupCommit<string>(_gate, RecordAsync, maxItems: 10);
        await _gate.WaitAsync();

        var writes = new[] { commits.WriteAsync("a", CancellationToken.None), commits.WriteAsync("b", CancellationToken.None), commits.WriteAsync("c", CancellationToken.None) };
        var completedWhileHeld = writes.Count(w => w.IsCompleted);
        _gate.Release();
        await Task.WhenAll(writes).WaitAsync(HangGuard);

        Assert.Equal(0, completedWhileHeld);
        Assert.Equal(["a", "b", "c"], Assert.Single(_commits));
    }

    [Fact]
    public async Task AWriteThatDidNotFitTheCommit_IsCommittedNext_ByItsOwnWriter()
    {
        var commits = new GroupCommit<string>(_gate, RecordAsync, maxItems: 2);
        await _gate.WaitAsync();

        var writes = new[] { commits.WriteAsync("a", CancellationToken.None), commits.WriteAsync("b", CancellationToken.None), commits.WriteAsync("c", CancellationToken.None) };
        _gate.Release();
        await Task.WhenAll(writes).WaitAsync(HangGuard);

        Assert.Equal([["a", "b"], ["c"]], _commits);
    }

    [Fact]
    public async Task EveryWriterOfAFailedCommit_GetsItsException_AndTheNextWriteIsCommittedAfresh()
    {
        var failing = true;
        var commits = new GroupCommit<string>(_gate, (items, ct) =>
            failing ? Task.FromException(new IOException("disk full (simulated)")) : RecordAsync(items, ct), maxItems: 10);
        await _gate.WaitAsync();
        var writes = new[] { commits.WriteAsync("a", CancellationToken.None), commits.WriteAsync("b", CancellationToken.None) };
        _gate.Release();

        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<IOException>(() => write.WaitAsync(HangGuard));
        }

        failing = false;
        await commits.WriteAsync("a", CancellationToken.None).WaitAsync(HangGuard);
        Assert.Equal(["a"], Assert.Single(_commits));
    }

    [Fact]
    public async Task AWriterCancelledWhileWaitingForTheGate_LeavesItsItemToTheNextCommit()
    {
        var commits = new GroupCommit<string>(_gate, RecordAsync, maxItems: 10);
        await _gate.WaitAsync();
        using var cancelled = new CancellationTokenSource();
        var givenUp = commits.WriteAsync("a", cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp.WaitAsync(HangGuard));
        _gate.Release();

        await commits.WriteAsync("b", CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(["a", "b"], Assert.Single(_commits));
    }

    private Task RecordAsync(IReadOnlyList<string> items, CancellationToken cancellationToken)
    {
        _commits.Add(items);
        return Task.CompletedTask;
    }
}
