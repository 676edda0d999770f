using WorkOrders.Contracts.Maintenance;

namespace WorkOrders.Grains.Tests.Cluster;

/// <summary>
/// The work-order service as the grain sees it: records every call, opens one order per idempotency key
/// (a repeated key returns the same order with Created = false), and fails a device's first calls on request.
/// Tests wait on <see cref="WaitForCallsAsync"/> instead of sleeping.
/// </summary>
public sealed class FakePredictiveWorkOrders : IPredictiveWorkOrders
{
    private readonly Lock _gate = new();
    private readonly List<PredictiveWorkOrderRequest> _calls = [];
    private readonly Dictionary<string, OpenedWorkOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WriteGate> _holds = new(StringComparer.Ordinal);
    private readonly List<(string DeviceId, int Calls, TaskCompletionSource Reached)> _waiters = [];
    private int _lastNumber;

    /// <summary>The next <paramref name="count"/> calls for the device throw, as when the database is down.</summary>
    public void FailFirstCalls(string deviceId, int count)
    {
        lock (_gate)
        {
            _failuresLeft[deviceId] = count;
        }
    }

    /// <summary>The device's calls are recorded but not answered until the gate opens, as when dispatch is slow.</summary>
    public WriteGate HoldCalls(string deviceId)
    {
        lock (_gate)
        {
            return _holds[deviceId] = new WriteGate();
        }
    }

    public IReadOnlyList<PredictiveWorkOrderRequest> CallsFor(string deviceId)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.DeviceId == deviceId)];
        }
    }

    /// <summary>The orders that exist for the device (one per idempotency key).</summary>
    /// <summary>The order opened for an idempotency key, if any.</summary>
    public OpenedWorkOrder? OrderFor(string idempotencyKey)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(idempotencyKey);
        }
    }

    public IReadOnlyList<OpenedWorkOrder> OrdersFor(string deviceId)
    {
        lock (_gate)
        {
            return [.. _orders.Where(o => o.Key.StartsWith(deviceId + "/", StringComparison.Ordinal)).Select(o => o.Value)];
        }
    }

    /// <summary>Completes once the device's grain has called at least <paramref name="calls"/> times (failed calls included).</summary>
    public Task WaitForCallsAsync(string deviceId, int calls)
    {
        lock (_gate)
        {
            if (_calls.Count(c => c.DeviceId == deviceId) >= calls)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((deviceId, calls, reached));
            return reached.Task;
        }
    }

    public async Task<OpenedWorkOrder> OpenPredictiveAsync(PredictiveWorkOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Task held;
        lock (_gate)
        {
            _calls.Add(request);
            var calls = _calls.Count(c => c.DeviceId == request.DeviceId);
            foreach (var waiter in _waiters.Where(w => w.DeviceId == request.DeviceId && w.Calls <= calls).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.SetResult();
            }

            held = _holds.TryGetValue(request.DeviceId, out var hold) ? hold.Opened : Task.CompletedTask;
        }

        await held;
        lock (_gate)
        {
            if (_failuresLeft.TryGetValue(request.DeviceId, out var failures) && failures > 0)
            {
                _failuresLeft[request.DeviceId] = failures - 1;
                throw new InvalidOperationException("The work-order database is unavailable.");
            }

            if (_orders.TryGetValue(request.IdempotencyKey, out var existing))
            {
                return existing with { Created = false };
            }

            var order = new OpenedWorkOrder(Guid.NewGuid(), $"WO-{++_lastNumber:D6}", "engineer-7", Created: true);
            _orders[request.IdempotencyKey] = order;
            return order;
        }
    }
}
