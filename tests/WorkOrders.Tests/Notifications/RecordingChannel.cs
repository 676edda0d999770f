using System.Collections.Concurrent;
using WorkOrders.Maintenance.Notifications;

namespace WorkOrders.WorkOrders.Tests.Notifications;

/// <summary>A channel that remembers what it was handed (and, while <see cref="Failing"/>, refuses it).</summary>
public sealed class RecordingChannel(string name) : INotificationChannel
{
    public ConcurrentQueue<(string Relay, long EventId)> Handed { get; } = new();

    public bool Failing { get; set; }

    public string Name { get; } = name;

    /// <summary>Which relay recorded the next batches (set by the test before it pumps).</summary>
    public string Relay { get; set; } = "";

    public Task DeliverAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The receiver is down.");
        }

        foreach (var e in events)
        {
            Handed.Enqueue((Relay, e.EventId));
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<long> EventIds => [.. Handed.Select(h => h.EventId)];
}
