using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orleans.Storage;
using WorkOrders.Maintenance.GrainStorage;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Api.Orleans;

/// <summary>
/// Orleans grain storage in the platform's own database (the <c>GrainStates</c> table of the maintenance
/// store, PostgreSQL or SQLite), as JSON with optimistic concurrency on an ETag. Orleans' ADO.NET provider
/// needs SQL scripts that its packages do not ship; this keeps grain state beside the work orders instead.
/// On SQLite, writes go through one <see cref="GrainStateWriteQueue"/> (group commit) instead of contending for the file.
/// </summary>
public sealed class RelationalGrainStorage : IGrainStorage, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly IDbContextFactory<MaintenanceDbContext> contexts;
    private readonly TimeProvider timeProvider;
    private readonly GrainStateWriteQueue? sqliteWrites;

    public RelationalGrainStorage(IDbContextFactory<MaintenanceDbContext> contexts, TimeProvider timeProvider)
    {
        this.contexts = contexts;
        this.timeProvider = timeProvider;
        using var db = contexts.CreateDbContext();
        sqliteWrites = db.Database.IsSqlite() ? new GrainStateWriteQueue(contexts) : null;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var (type, id) = Key<T>(stateName, grainId);
        var row = await db.GrainStates.AsNoTracking().SingleOrDefaultAsync(r => r.GrainType == type && r.GrainId == id);
        if (row is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = JsonSerializer.Deserialize<T>(row.Payload, Json) ?? Activator.CreateInstance<T>();
        grainState.ETag = row.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (type, id) = Key<T>(stateName, grainId);
        var payload = JsonSerializer.Serialize(grainState.State, Json);
        var etag = GrainStateETag.New();
        var now = timeProvider.GetUtcNow();
        if (sqliteWrites is not null)
        {
            await sqliteWrites.WriteAsync(new GrainStateWrite(type, id, grainState.ETag, etag, payload, now));
            grainState.ETag = etag;
            grainState.RecordExists = true;
            return;
        }

        await using var db = await contexts.CreateDbContextAsync();
        if (grainState.ETag is null)
        {
            db.GrainStates.Add(new GrainStateRecord { GrainType = type, GrainId = id, ETag = etag, Payload = payload, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException exception)
            {
                throw new InconsistentStateException($"State of {grainId} was written by another activation.", exception);
            }
        }
        else
        {
            var expected = grainState.ETag;
            var updated = await db.GrainStates
                .Where(r => r.GrainType == type && r.GrainId == id && r.ETag == expected)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Payload, payload)
                    .SetProperty(r => r.ETag, etag)
                    .SetProperty(r => r.UpdatedAt, now));
            if (updated == 0)
            {
                throw new InconsistentStateException($"State of {grainId} changed since it was read (ETag {expected}).", expected, etag);
            }
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var (type, id) = Key<T>(stateName, grainId);
        await db.GrainStates.Where(r => r.GrainType == type && r.GrainId == id).ExecuteDeleteAsync();
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>Commits the SQLite writes still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        if (sqliteWrites is not null)
        {
            await sqliteWrites.DisposeAsync();
        }
    }

    private static (string Type, string Id) Key<T>(string stateName, GrainId grainId) =>
        ($"{grainId.Type}/{stateName}", grainId.Key.ToString()!);
}
