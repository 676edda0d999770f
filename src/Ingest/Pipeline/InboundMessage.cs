namespace WorkOrders.Ingest.Pipeline;

/// <summary>A message taken from the broker but not yet acknowledged to it.</summary>
/// <param name="AcknowledgeAsync">Sends the PUBACK; called only after the message's samples are stored and handed to the grain.</param>
public sealed record InboundMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    DateTimeOffset ReceivedAt,
    Func<CancellationToken, Task> AcknowledgeAsync);
