using System.Globalization;

namespace WorkOrders.Benchmarks.EndToEnd;

/// <summary>The figures of the one RESULT line.</summary>
internal sealed record E2eResult(
    int Devices,
    double BrokerMessagesPerSecond,
    double EndToEndMessagesPerSecond,
    double P50Ms,
    double P99Ms,
    long Lost,
    long Duplicated,
    long GrainBytesPerDevice)
{
    public double Ratio => BrokerMessagesPerSecond > 0 ? EndToEndMessagesPerSecond / BrokerMessagesPerSecond : 0;

    public string ToResultLine() => string.Create(CultureInfo.InvariantCulture,
        $"RESULT devices={Devices} broker_msgs_per_s={BrokerMessagesPerSecond:F0} e2e_msgs_per_s={EndToEndMessagesPerSecond:F0} " +
        $"ratio={Ratio:F3} p50_ms={P50Ms:F1} p99_ms={P99Ms:F1} lost={Lost} duplicated={Duplicated} grain_bytes_per_device={GrainBytesPerDevice}");
}
