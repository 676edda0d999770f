namespace WorkOrders.Ingest.Mqtt;

/// <summary>
/// How far one of a lane's batches has got. <see cref="HandedOff"/>: its samples reached their grains, so the lane
/// may take its next batch. <see cref="Completed"/>: it was also stored and its rejects dead-lettered, so it may be
/// acknowledged. Each is false when processing gave up because the service is stopping: the batch then stays
/// unacknowledged and the broker redelivers it.
/// </summary>
public sealed record BatchProgress(Task<bool> HandedOff, Task<bool> Completed);
