using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WorkOrders.Api.Broker;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>The platform's own embedded broker class with the platform's defaults, started alone for the ceiling phase.</summary>
internal sealed class CeilingBroker : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly EmbeddedMqttBroker _broker;

    private CeilingBroker(int port) =>
        _broker = new EmbeddedMqttBroker(
            Options.Create(new EmbeddedBrokerOptions { Embedded = true, Port = port }),
            _services.GetRequiredService<IMeterFactory>(),
            NullLogger<EmbeddedMqttBroker>.Instance);

    public static async Task<CeilingBroker> StartAsync(int port, CancellationToken cancellationToken)
    {
        var ceiling = new CeilingBroker(port);
        await ceiling._broker.StartAsync(cancellationToken);
        return ceiling;
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.StopAsync(CancellationToken.None);
        _broker.Dispose();
        await _services.DisposeAsync();
    }
}
