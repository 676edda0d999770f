using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Orleans.Storage;
using WorkOrders.Maintenance.GrainStorage;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Api.Orleans;

/// <summary>
/// Group commit of grain states into a SQLite file, which admits one writer at a time. Concurrent writers would
/// contend for the file's lock, and Microsoft.Data.Sqlite waits out a busy file with <c>Thread.Sleep</c> on the
/// calling thread, which stalls the grain's turn and a pool thread. Here one loop takes every write waiting, applies
/// them in one transaction and commits once; each caller awaits its own write, so a grain still learns of a
/// conflict (<see cref="InconsistentStateException"/>) or a failure, and nothing is acknowledged before it is on disk.
/// Disposal commits whatever is still queued.
/// </summary>
internal sealed class GrainStateWriteQueue : IAsyncDisposable
{
    /// <summary>Writes per transaction at most: bounds how long one commit holds the file.</summary>
    public const int MaxBatch = 256;

    private readonly IDbContextFactory<MaintenanceDbContext> _contexts;
    private readonly Channel<GrainStateWrite> _queue = Channel.CreateUnbounded<GrainStateWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GrainStateWriteQueue(IDbContextFactory<MaintenanceDbContext> contexts)
    {
        _contexts = contexts;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task WriteAsync(GrainStateWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_queue.Writer.TryWrite(write))
        {
            write.Failed(new ObjectDisposedException(nameof(GrainStateWriteQueue), "Grain storage is shutting down."));
        }

        return write.Done;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<GrainStateWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<GrainStateWrite> batch)
    {
        var conflicts = new Exception?[batch.Count];
        try
        {
            await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                conflicts[i] = await ApplyAsync(db, batch[i]).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            foreach (var write in batch)
            {
                write.Failed(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (conflicts[i] is { } conflict)
            {
                batch[i].Failed(conflict);
            }
            else
            {
                batch[i].Committed();
            }
        }
    }

    /// <summary>Applies one write inside the transaction; returns the conflict instead of throwing, so the rest commit.</summary>
    private static async Task<Exception?> ApplyAsync(MaintenanceDbContext db, GrainStateWrite write)
    {
        if (write.ExpectedETag is null)
        {
            var exists = await db.GrainStates.AnyAsync(r => r.GrainType == write.GrainType && r.GrainId == write.GrainId).ConfigureAwait(false);
            if (exists)
            {
                return new InconsistentStateException($"State of {write.GrainType}/{write.GrainId} was written by another activation.");
            }

            db.GrainStates.Add(new GrainStateRecord
            {
                GrainType = write.GrainType, GrainId = write.GrainId, ETag = write.NewETag, Payload = write.Payload, UpdatedAt = write.UpdatedAt,
            });
            await db.SaveChangesAsync().ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return null;
        }

        var updated = await db.GrainStates
            .Where(r => r.GrainType == write.GrainType && r.GrainId == write.GrainId && r.ETag == write.ExpectedETag)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Payload, write.Payload)
                .SetProperty(r => r.ETag, write.NewETag)
                .SetProperty(r => r.UpdatedAt, write.UpdatedAt))
            .ConfigureAwait(false);
        return updated == 0
            ? new InconsistentStateException(
                $"State of {write.GrainType}/{write.GrainId} changed since it was read (ETag {write.ExpectedETag}).", write.ExpectedETag, write.NewETag)
            : null;
    }
}
