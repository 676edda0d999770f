using WorkOrders.Ingest.DeadLetters;

namespace WorkOrders.Ingest.Tests.Pipeline;

internal sealed class FakeDeadLetterStore : IDeadLetterStore
{
    public List<DeadLetter> Written { get; } = [];

    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken = default)
    {
        Written.AddRange(deadLetters);
        return Task.CompletedTask;
    }
}
