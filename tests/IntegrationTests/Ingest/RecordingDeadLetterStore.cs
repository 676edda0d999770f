using System.Collections.Concurrent;
using WorkOrders.Ingest.DeadLetters;

namespace WorkOrders.IntegrationTests.Ingest;

/// <summary>Interface-level fake of the dead-letter store: keeps what it was given.</summary>
public sealed class RecordingDeadLetterStore : IDeadLetterStore
{
    private readonly ConcurrentQueue<DeadLetter> _written = new();

    public IReadOnlyList<DeadLetter> Written => [.. _written];

    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        foreach (var deadLetter in deadLetters)
        {
            _written.Enqueue(deadLetter);
        }

        return Task.CompletedTask;
    }
}
