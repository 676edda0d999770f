namespace WorkOrders.Ingest.TimeSeries;

/// <summary>When the embedded store's writer flushes its write-ahead log to the disk (SQLite's <c>synchronous</c>).</summary>
public enum EmbeddedStoreSynchronous
{
    /// <summary>At checkpoints only: durable across a process crash, not across a power loss.</summary>
    Normal,

    /// <summary>On every commit: durable across a power loss too.</summary>
    Full,
}
