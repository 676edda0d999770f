namespace WorkOrders.Ingest.DeadLetters;

/// <summary>A rejected message or sample, kept with its reason so that someone can fix the sender.</summary>
public sealed record DeadLetter(
    DateTimeOffset ReceivedAt,
    string Topic,
    string? DeviceId,
    string Reason,
    string Detail,
    ReadOnlyMemory<byte> Payload);
