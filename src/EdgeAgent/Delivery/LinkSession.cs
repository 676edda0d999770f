namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>
/// One broker connection. Samples up to <see cref="LiveFromSeq"/> were in the outbox when it began
/// and are the backlog; later ones are live. <see cref="Lost"/> is cancelled when the connection ends.
/// </summary>
public sealed class LinkSession(long liveFromSeq, DateTimeOffset since)
{
    private readonly CancellationTokenSource _lost = new();

    public long LiveFromSeq { get; } = liveFromSeq;

    public DateTimeOffset Since { get; } = since;

    public CancellationToken Lost => _lost.Token;

    // Not disposed: lanes may still look at Lost after the session ended, and a plain source holds no timer.
    internal void End() => _lost.Cancel();
}
