namespace WorkOrders.Ingest.DeadLetters;

/// <summary>Where rejected telemetry goes. Writes are durable when the call returns.</summary>
public interface IDeadLetterStore
{
    Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken = default);
}
