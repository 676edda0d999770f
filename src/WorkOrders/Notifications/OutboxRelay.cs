using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Notifications;

/// <summary>
/// Reads <c>WorkOrderEvents</c> after each channel's persisted <see cref="NotificationCursor"/> and hands them to the
/// channel in id order, at least once. A pass first claims the channel's cursor row with a conditional update, so
/// across a cluster one relay at a time delivers a channel; the cursor only moves while the claim holds.
/// A missing id (an uncommitted or rolled-back insert) holds the cursor back for <see cref="NotificationRelayOptions.GapTimeout"/>.
/// </summary>
public sealed partial class OutboxRelay(
    IDbContextFactory<MaintenanceDbContext> contexts,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationRelayOptions> options,
    NotificationMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
{
    private readonly IReadOnlyList<INotificationChannel> channelList = [.. channels];
    private readonly Dictionary<string, (long Missing, DateTimeOffset Since)> gaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> leases = new(StringComparer.Ordinal);
    private readonly HashSet<string> knownCursors = new(StringComparer.Ordinal);

    /// <summary>This instance's lease owner id, unique per process and relay.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// One pass over every channel: at most one batch each. Returns how many events were handed over. Not reentrant:
    /// one caller at a time per instance (the hosted <see cref="OutboxRelayService"/> calls it in a loop).
    /// </summary>
    public async Task<int> PumpAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        foreach (var channel in channelList)
        {
            total += await PumpChannelAsync(channel, cancellationToken);
        }

        return total;
    }

    /// <summary>Gives up this instance's leases, so another node can take over at once (on shutdown).</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        leases.Clear();
        await using var db = contexts.CreateDbContext();
        await db.NotificationCursors.Where(c => c.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, (string?)null).SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task<int> PumpChannelAsync(INotificationChannel channel, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        if (await ClaimAsync(db, channel.Name, now, settings.LeaseDuration, cancellationToken) is not { } after)
        {
            return 0;
        }

        var batch = await ReadAsync(db, after, settings.BatchSize, cancellationToken);
        var ready = Contiguous(channel.Name, after, batch, now, settings.GapTimeout);
        if (ready.Count == 0)
        {
            metrics.Depth(channel.Name, batch.Count);
            return 0;
        }

        try
        {
            await channel.DeliverAsync(ready, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.Delivered(channel.Name, ready.Count, "failed");
            LogChannelFailed(logger, exception, channel.Name, ready[0].EventId);
            return 0;
        }

        var last = ready[^1].EventId;
        var moved = await db.NotificationCursors
            .Where(c => c.Channel == channel.Name && c.LeaseOwner == Owner && c.LastEventId == after)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastEventId, last)
                .SetProperty(c => c.LeaseUntil, now + settings.LeaseDuration)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (moved == 0)
        {
            leases.Remove(channel.Name);
            LogLeaseLost(logger, channel.Name, Owner);
        }
        else
        {
            leases[channel.Name] = now + settings.LeaseDuration;
        }

        metrics.Delivered(channel.Name, ready.Count, "delivered");
        foreach (var item in ready)
        {
            metrics.Lag(channel.Name, now - item.At);
        }

        var newest = await db.WorkOrderEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? last;
        metrics.Depth(channel.Name, Math.Max(0, newest - last));
        return ready.Count;
    }

    /// <summary>
    /// Creates the cursor at the newest event if missing, then claims it; returns its position, or null if another
    /// node holds it. While more than half of this node's lease is left, reading the row (still ours?) replaces the
    /// claiming write, so an idle relay writes once per half lease, not on every pass.
    /// </summary>
    private async Task<long?> ClaimAsync(MaintenanceDbContext db, string name, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (leases.TryGetValue(name, out var held) && held - now > lease / 2)
        {
            var position = await db.NotificationCursors.Where(c => c.Channel == name && c.LeaseOwner == Owner)
                .Select(c => (long?)c.LastEventId).SingleOrDefaultAsync(cancellationToken);
            if (position is not null)
            {
                return position;
            }

            leases.Remove(name);
        }

        if (!knownCursors.Contains(name) && !await db.NotificationCursors.AnyAsync(c => c.Channel == name, cancellationToken))
        {
            // A new channel starts at the newest event: adding one must not replay the whole history.
            var newest = await db.WorkOrderEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            db.NotificationCursors.Add(new NotificationCursor { Channel = name, LastEventId = newest, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node created it first.
            }

            db.ChangeTracker.Clear();
        }

        var until = now + lease;
        var claimed = await db.NotificationCursors
            .Where(c => c.Channel == name && (c.LeaseOwner == null || c.LeaseOwner == Owner || c.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseOwner, Owner).SetProperty(c => c.LeaseUntil, until), cancellationToken);
        knownCursors.Add(name);
        if (claimed == 0)
        {
            return null;
        }

        leases[name] = until;
        return await db.NotificationCursors.Where(c => c.Channel == name).Select(c => c.LastEventId).SingleAsync(cancellationToken);
    }

    private static async Task<List<NotificationEvent>> ReadAsync(
        MaintenanceDbContext db, long after, int batchSize, CancellationToken cancellationToken)
    {
        var rows = await db.WorkOrderEvents.AsNoTracking()
            .Where(e => e.Id > after)
            .OrderBy(e => e.Id)
            .Take(batchSize)
            .Join(db.WorkOrders, e => e.WorkOrderId, o => o.Id, (e, o) => new NotificationEvent(
                e.Id, o.Id, o.Number, e.Type, o.Status, e.At, e.Actor, e.Note, e.DataJson, o.AssigneeId, o.Site,
                o.ContactEmail, o.ContactPhone, o.TrackingToken, o.ResponseDueAt))
            .ToListAsync(cancellationToken);
        rows.Sort((a, b) => a.EventId.CompareTo(b.EventId));
        return rows;
    }

    /// <summary>The events up to the first missing id; a missing id at the start waits out the gap timeout first.</summary>
    private List<NotificationEvent> Contiguous(
        string channel, long after, List<NotificationEvent> batch, DateTimeOffset now, TimeSpan gapTimeout)
    {
        var expected = after + 1;
        var count = 0;
        while (count < batch.Count && batch[count].EventId == expected)
        {
            expected++;
            count++;
        }

        if (count > 0 || batch.Count == 0)
        {
            gaps.Remove(channel);
            return batch[..count];
        }

        if (!gaps.TryGetValue(channel, out var gap) || gap.Missing != expected)
        {
            gaps[channel] = (expected, now);
            return [];
        }

        if (now - gap.Since < gapTimeout)
        {
            return [];
        }

        LogGapSkipped(logger, channel, expected, batch[0].EventId - 1);
        gaps.Remove(channel);
        expected = batch[0].EventId;
        count = 0;
        while (count < batch.Count && batch[count].EventId == expected)
        {
            expected++;
            count++;
        }

        return batch[..count];
    }

    [LoggerMessage(501, LogLevel.Warning, "Notification channel {Channel} failed on the batch from event {EventId}; it will be handed over again")]
    private static partial void LogChannelFailed(ILogger logger, Exception exception, string channel, long eventId);

    [LoggerMessage(502, LogLevel.Warning, "Notification channel {Channel}: lease of {Owner} lapsed during a batch; another node may deliver it again")]
    private static partial void LogLeaseLost(ILogger logger, string channel, string owner);

    [LoggerMessage(503, LogLevel.Warning, "Notification channel {Channel}: event ids {From}..{To} never appeared; skipping them")]
    private static partial void LogGapSkipped(ILogger logger, string channel, long from, long to);
}
