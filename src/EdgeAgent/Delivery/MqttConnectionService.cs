using Microsoft.Extensions.Hosting;

namespace WorkOrders.EdgeAgent.Delivery;

/// <summary>Runs the <see cref="MqttLink"/> for the lifetime of the host.</summary>
public sealed class MqttConnectionService(MqttLink link) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => link.RunAsync(stoppingToken);
}
