using WorkOrders.Testing;

namespace WorkOrders.IntegrationTests.Support;

public static class TelemetryPublisherExtensions
{
    /// <summary>Publishes one temperature sample per seq, each as its own message.</summary>
    public static async Task PublishSeqsAsync(this TelemetryPublisher publisher, string deviceId, IEnumerable<long> seqs)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        foreach (var seq in seqs)
        {
            await publisher.PublishAsync(deviceId, Samples.Temperature(deviceId, seq));
        }
    }
}
