using Microsoft.EntityFrameworkCore;
using WorkOrders.Ingest.DeadLetters;
using WorkOrders.Maintenance.Persistence;
using StoredDeadLetter = WorkOrders.Maintenance.DeadLetters.DeadLetter;

namespace WorkOrders.Api.DeadLetters;

/// <summary>Keeps ingest's rejects in the maintenance store's <c>DeadLetters</c> table.</summary>
public sealed class DeadLetterStore(IDbContextFactory<MaintenanceDbContext> contexts) : IDeadLetterStore
{
    public async Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DeadLetters.AddRange(deadLetters.Select(d =>
            StoredDeadLetter.Create(d.ReceivedAt, d.Topic, d.DeviceId, d.Reason, d.Detail, d.Payload.Span)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
