using System.Collections.Concurrent;

namespace WorkOrders.Ingest.TimeSeries;

/// <summary>
/// Group commit: each writer queues its item, and whoever holds <c>gate</c> next commits everything queued by then (up
/// to <c>maxItems</c>) in one call: its own item and those that arrived while the gate was held by a commit or by
/// anyone else (the embedded store's checkpoint pass). A writer's task ends with the commit that held its item, with
/// that commit's exception when it failed. A writer cancelled while it waits for the gate leaves its item queued, and a
/// later commit may still write it, so <c>commit</c> must be idempotent.
/// </summary>
public sealed class GroupCommit<T>(SemaphoreSlim gate, Func<IReadOnlyList<T>, CancellationToken, Task> commit, int maxItems)
{
    private readonly ConcurrentQueue<Queued> _queue = new();

    public async Task WriteAsync(T item, CancellationToken cancellationToken)
    {
        var queued = new Queued(item);
        _queue.Enqueue(queued);
        while (!queued.Done.Task.IsCompleted)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!queued.Done.Task.IsCompleted)
                {
                    await CommitQueuedAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        await queued.Done.Task.ConfigureAwait(false);
    }

    private async Task CommitQueuedAsync(CancellationToken cancellationToken)
    {
        var taken = new List<Queued>();
        while (taken.Count < maxItems && _queue.TryDequeue(out var next))
        {
            taken.Add(next);
        }

        try
        {
            await commit([.. taken.Select(queued => queued.Item)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            taken.ForEach(queued => queued.Done.TrySetException(exception));
            return;
        }

        taken.ForEach(queued => queued.Done.TrySetResult());
    }

    private sealed record Queued(T Item)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
