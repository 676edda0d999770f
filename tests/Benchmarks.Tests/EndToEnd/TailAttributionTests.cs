using WorkOrders.Benchmarks.EndToEnd;

namespace WorkOrders.Benchmarks.Tests.EndToEnd;

public sealed class TailAttributionTests
{
    private static readonly Pause StoreHold = new(200_100, 200_300);
    private static readonly Pause LongCollection = new(300_200, 300_250);

    [Fact]
    public void CountsEachSlowSample_AgainstThePausesItsSpanOverlaps()
    {
        var samples = FastSamples(198).Append(new SampleSpan(200_000, 200_400)).Append(new SampleSpan(300_000, 300_500)).ToArray();

        var attribution = TailAttribution.Of(samples, new PhasePauses([StoreHold], [LongCollection]));

        Assert.Equal(
            new TailAttribution(Tail: 2, ThresholdMs: 400, ThroughStoreHold: 1, ThroughGcPause: 1, ThroughEither: 2, attribution.Pauses),
            attribution);
    }

    [Fact]
    public void ASampleOverlappingBothPauses_CountsOnceAsEither()
    {
        var samples = FastSamples(198).Append(new SampleSpan(200_000, 300_300)).Append(new SampleSpan(200_000, 300_300)).ToArray();

        var attribution = TailAttribution.Of(samples, new PhasePauses([StoreHold], [LongCollection]));

        Assert.Equal((2, 2, 2), (attribution.ThroughStoreHold, attribution.ThroughGcPause, attribution.ThroughEither));
    }

    [Fact]
    public void ASamplePublishedAfterThePauseEnded_CountsAsNeither()
    {
        var samples = FastSamples(198).Append(new SampleSpan(200_301, 200_700)).Append(new SampleSpan(300_251, 300_700)).ToArray();

        var attribution = TailAttribution.Of(samples, new PhasePauses([StoreHold], [LongCollection]));

        Assert.Equal((2, 0, 0, 0), (attribution.Tail, attribution.ThroughStoreHold, attribution.ThroughGcPause, attribution.ThroughEither));
        Assert.Contains("neither 100 %", attribution.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AShortCollection_IsNotCountedAgainstASlowSample()
    {
        var shortCollection = new Pause(300_200, 300_200 + TailAttribution.GcPauseMs - 1);
        var samples = FastSamples(198).Append(new SampleSpan(300_000, 300_500)).Append(new SampleSpan(300_000, 300_500)).ToArray();

        var attribution = TailAttribution.Of(samples, new PhasePauses([], [shortCollection]));

        Assert.Equal(0, attribution.ThroughGcPause);
    }

    [Fact]
    public void APauseDuringAFastSample_DoesNotMakeItPartOfTheSlowest()
    {
        var samples = FastSamples(198).Append(new SampleSpan(500_000, 500_900)).Append(new SampleSpan(600_000, 600_900)).ToArray();
        var holdDuringAFastSample = new Pause(1_000, 1_004);

        var attribution = TailAttribution.Of(samples, new PhasePauses([holdDuringAFastSample], []));

        Assert.Equal((2, 0), (attribution.Tail, attribution.ThroughStoreHold));
    }

    [Fact]
    public void NoSamples_SayNoSamples()
    {
        var attribution = TailAttribution.Of([], new PhasePauses([], []));

        Assert.Equal("slowest 1 %: no samples", attribution.ToString());
    }

    /// <summary>Samples 5 ms long, one a second from t = 0, none overlapping the pauses above; with two more, the slowest 1 % is two.</summary>
    private static IEnumerable<SampleSpan> FastSamples(int count) =>
        Enumerable.Range(0, count).Select(i => new SampleSpan(i * 1_000, i * 1_000 + 5));
}
