using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Audit;

/// <summary>One audit entry exactly as stored and hashed, so anyone can recompute the chain.</summary>
public sealed record AuditEventView(
    int Sequence,
    DateTimeOffset At,
    string Type,
    string? Actor,
    string? ActorRole,
    string? Note,
    string? DataJson,
    double? Latitude,
    double? Longitude,
    double? AccuracyMeters,
    string? PreviousHash,
    string Hash)
{
    public static AuditEventView From(WorkOrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.At, e.Type, e.Actor, e.ActorRole, e.Note, e.DataJson, e.Latitude, e.Longitude, e.AccuracyMeters, e.PreviousHash, e.Hash);
    }
}

/// <summary>
/// The result of re-hashing an order's chain: <see cref="Valid"/> with the number of <see cref="Events"/>, or the
/// first sequence that does not verify and why.
/// </summary>
public sealed record AuditVerification(bool Valid, int Events, int? FirstBrokenSequence, string? Reason)
{
    public static AuditVerification Verify(IReadOnlyList<WorkOrderEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        string? previous = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var expected = i + 1;
            if (e.Sequence != expected)
            {
                return Broken(events.Count, expected, e.Sequence > expected
                    ? $"Event {expected} is missing: the next stored event is {e.Sequence}."
                    : $"Event {expected} is stored as sequence {e.Sequence}.");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(events.Count, expected, expected == 1
                    ? "Event 1 names a previous hash, but it should be the first of its chain."
                    : $"Event {expected} does not chain to event {expected - 1}: its previous hash differs from that event's hash.");
            }

            if (!string.Equals(AuditHash.Compute(e), e.Hash, StringComparison.Ordinal))
            {
                return Broken(events.Count, expected, $"Event {expected} was altered: its contents no longer match its hash.");
            }

            previous = e.Hash;
        }

        return new(true, events.Count, null, null);
    }

    private static AuditVerification Broken(int count, int sequence, string reason) => new(false, count, sequence, reason);
}
