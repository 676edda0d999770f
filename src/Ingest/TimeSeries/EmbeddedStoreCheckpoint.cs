namespace WorkOrders.Ingest.TimeSeries;

/// <summary>Who copies the embedded store's write-ahead log back into its database file.</summary>
public enum EmbeddedStoreCheckpoint
{
    /// <summary>
    /// A background task on a connection of its own, <see cref="EmbeddedStoreOptions.CheckpointInterval"/> after
    /// writes; no write waits for a checkpoint (SQLite's passive checkpoint runs beside the writer).
    /// </summary>
    Background,

    /// <summary>
    /// SQLite's automatic checkpoint: the commit that takes the log past
    /// <see cref="EmbeddedStoreOptions.WalAutoCheckpointPages"/> copies it, and every write queued behind that commit waits.
    /// </summary>
    Inline,
}
