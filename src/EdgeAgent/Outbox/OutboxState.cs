using System.Text.Json.Serialization;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>
/// What the outbox remembers beside its segments, written atomically (temp file, flush, rename)
/// after every acknowledgement: which seqs are done, the last seq handed out, and the loss counters.
/// </summary>
internal sealed record OutboxState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("floor")] long Floor,
    [property: JsonPropertyName("done")] IReadOnlyList<long[]> Done,
    [property: JsonPropertyName("lastSeq")] long LastSeq,
    [property: JsonPropertyName("droppedWhenFull")] long DroppedWhenFull,
    [property: JsonPropertyName("tornRecordsDropped")] long TornRecordsDropped)
{
    public const int CurrentVersion = 1;

    public static OutboxState Empty { get; } = new(CurrentVersion, 0, [], 0, 0, 0);
}
