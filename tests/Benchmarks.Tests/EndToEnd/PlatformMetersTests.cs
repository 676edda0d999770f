using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Benchmarks.EndToEnd;
using WorkOrders.Ingest.Pipeline;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

/// <summary>
/// The listener sees every meter of the process, so this runs in the smoke test's collection, never beside the
/// in-process platform's own checkpoint passes.
/// </summary>
[Collection(nameof(E2eSmokeTests))]
public sealed class PlatformMetersTests
{
    [Fact]
    public void PutsACheckpointPassThatHeldWrites_OnThePauseTimeline_AndKeepsThePassesBesideWritesApart()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var ingest = new IngestMetrics(services.GetRequiredService<IMeterFactory>());
        using var pauses = new PauseTimeline();
        using var meters = new PlatformMeters(new StageClock(), pauses);

        ingest.StoreCheckpointed(17.5, logFrames: 900, holdingWrites: false);
        ingest.StoreCheckpointed(153.25, logFrames: 8_100, holdingWrites: true);
        ingest.StoreCheckpointed(22.5, logFrames: 300, holdingWrites: false);

        var held = Assert.Single(pauses.Take().StoreHolds);
        Assert.Equal(153.25, held.Milliseconds, precision: 6);
        Assert.Equal("store checkpoints beside writes p50 17.5 ms, p99 22.5 ms, max 22.5 ms (n=2) = 0.0 s", meters.TakeCheckpoints());
    }
}
