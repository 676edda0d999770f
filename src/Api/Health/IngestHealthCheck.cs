using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkOrders.Ingest.Mqtt;

namespace WorkOrders.Api.Health;

/// <summary>Ready when ingest holds a subscription on the broker.</summary>
public sealed class IngestHealthCheck(MqttIngestWorker worker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(worker.IsConnected
            ? HealthCheckResult.Healthy("Subscribed to device telemetry.")
            : HealthCheckResult.Unhealthy("Not connected to the MQTT broker; messages wait on the broker until it reconnects."));
}
