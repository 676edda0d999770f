namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>The fleet's MQTT connections: <c>perConnection</c> devices each, opened 64 at a time.</summary>
internal sealed class LoadPublisher(LoadFleet fleet, string host, int port, int perConnection, string clientIdPrefix) : IAsyncDisposable
{
    private readonly List<LoadConnection> _connections = [.. fleet.Devices.Chunk(perConnection)
        .Select((group, i) => new LoadConnection($"{clientIdPrefix}{i:D5}", group, host, port))];

    public int Connections => _connections.Count;

    public long Errors => _connections.Sum(c => c.Errors);

    public async Task ConnectAsync(CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (connection, ct) => await connection.ConnectAsync(ct));

    /// <summary>Publishes on every connection for <paramref name="duration"/>; returns once every in-flight publish is answered.</summary>
    public async Task RunAsync(LoadPlan plan, TimeSpan duration, LoadGate gate)
    {
        using var stop = new CancellationTokenSource(duration);
        await using var pacer = plan.MessagesPerSecond is { } rate ? new LoadPacer(rate, _connections.Count, stop.Token) : null;
        await Task.WhenAll(_connections.Select(c => Task.Run(() => c.RunAsync(pacer, gate, stop.Token))));
    }

    public async Task DisconnectAsync() => await Task.WhenAll(_connections.Select(c => c.DisconnectAsync()));

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
