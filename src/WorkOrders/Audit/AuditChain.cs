using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Audit;

/// <summary>
/// Seals every <see cref="WorkOrderEvent"/> added to a context before it is saved, whoever added it: numbers the
/// order's new events after its last stored one (<see cref="WorkOrderEvent.Sequence"/>, in the order they were
/// added), chains each to its predecessor's hash and hashes it (<see cref="AuditHash"/>). Refuses to update or
/// delete events. A concurrent append that chained off the same predecessor loses on the unique
/// (<c>WorkOrderId</c>, <c>Sequence</c>) index; outside an explicit transaction the save is sealed again and retried.
/// </summary>
public static class AuditChain
{
    /// <summary>The unique index that lets only one event follow each predecessor.</summary>
    public const string SequenceIndex = "IX_WorkOrderEvents_WorkOrderId_Sequence";

    /// <summary>
    /// Every lost race means another append committed, so with N writers on one order the unluckiest needs N attempts;
    /// this bounds the retries far above the writers one order sees (an engineer, a dispatcher, a few timers).
    /// </summary>
    public const int SaveAttempts = 25;

    /// <summary>Seals, saves and retries a lost race; used by <c>MaintenanceDbContext.SaveChangesAsync</c>.</summary>
    public static async Task<int> SaveAsync(DbContext db, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        for (var attempt = 1; ; attempt++)
        {
            var added = Pending(db);
            foreach (var group in added.GroupBy(e => e.WorkOrderId))
            {
                var last = IsNewOrder(db, group.Key) ? null : await LastQuery(db, group.Key).FirstOrDefaultAsync(cancellationToken);
                Seal(group, last);
            }

            try
            {
                return await save(cancellationToken);
            }
            catch (DbUpdateException ex) when (CanRetry(db, ex, attempt))
            {
                LogRetry(db, attempt);
            }
        }
    }

    /// <summary>The synchronous twin of <see cref="SaveAsync"/>.</summary>
    public static int Save(DbContext db, Func<int> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        for (var attempt = 1; ; attempt++)
        {
            foreach (var group in Pending(db).GroupBy(e => e.WorkOrderId))
            {
                Seal(group, IsNewOrder(db, group.Key) ? null : LastQuery(db, group.Key).FirstOrDefault());
            }

            try
            {
                return save();
            }
            catch (DbUpdateException ex) when (CanRetry(db, ex, attempt))
            {
                LogRetry(db, attempt);
            }
        }
    }

    /// <summary>True when <paramref name="exception"/> is a lost race for the next sequence number of an order.</summary>
    public static bool IsSequenceConflict(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg when pg.ConstraintName == SequenceIndex:
                case SqliteException { SqliteErrorCode: 19 } sqlite when sqlite.Message.Contains("WorkOrderEvents.Sequence", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The added events in the order they were added; throws when an event is being changed or deleted.</summary>
    private static List<WorkOrderEvent> Pending(DbContext db)
    {
        var added = new List<WorkOrderEvent>();
        foreach (var entry in db.ChangeTracker.Entries<WorkOrderEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException(
                    $"Work-order events are append-only: event {entry.Entity.Sequence} of order {entry.Entity.WorkOrderId} cannot be {entry.State.ToString().ToLowerInvariant()}. Add a new event instead.");
            }

            if (entry.State == EntityState.Added)
            {
                added.Add(entry.Entity);
            }
        }

        return added;
    }

    private static void Seal(IEnumerable<WorkOrderEvent> events, ChainEnd? last)
    {
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash;
        foreach (var e in events.OrderBy(e => AuditHash.Normalize(e.At)))
        {
            e.At = AuditHash.Normalize(e.At);
            e.Sequence = ++sequence;
            e.PreviousHash = previous;
            e.Hash = AuditHash.Compute(e);
            previous = e.Hash;
        }
    }

    private static bool IsNewOrder(DbContext db, Guid workOrderId) =>
        db.ChangeTracker.Entries<WorkOrder>().Any(o => o.State == EntityState.Added && o.Entity.Id == workOrderId);

    private static IQueryable<ChainEnd> LastQuery(DbContext db, Guid workOrderId) =>
        db.Set<WorkOrderEvent>().AsNoTracking()
            .Where(e => e.WorkOrderId == workOrderId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new ChainEnd(e.Sequence, e.Hash));

    private static bool CanRetry(DbContext db, DbUpdateException exception, int attempt) =>
        attempt < SaveAttempts && db.Database.CurrentTransaction is null && IsSequenceConflict(exception);

    private static void LogRetry(DbContext db, int attempt) =>
        db.GetService<ILoggerFactory>().CreateLogger(typeof(AuditChain)).ChainRaceLost(attempt);

    private sealed record ChainEnd(int Sequence, string Hash);
}
