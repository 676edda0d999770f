namespace WorkOrders.Simulators;

/// <summary>
/// A snapshot of a publishing run. <see cref="Sent"/> counts PUBLISH packets of telemetry (duplicates, batches and
/// malformed messages included; status messages not), <see cref="Acked"/> those the broker acknowledged with a
/// successful PUBACK, <see cref="Errors"/> failed connects and publishes, <see cref="Dropped"/> messages lost from a
/// full outbox.
/// </summary>
public sealed record FleetProgress(
    int Devices,
    int Connected,
    long Samples,
    long Sent,
    long Acked,
    long Errors,
    long Dropped,
    DateTimeOffset SimulatedNow)
{
    public static FleetProgress Empty(int devices, DateTimeOffset now) => new(devices, 0, 0, 0, 0, 0, 0, now);
}
