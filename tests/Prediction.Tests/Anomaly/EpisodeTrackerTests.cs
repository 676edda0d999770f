using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Prediction.Tests.Anomaly;

public sealed class EpisodeTrackerTests
{
    private static readonly AnomalyDetectorOptions Options = new() { OpenAfter = 3, OpenWindow = 5, CloseAfter = 4, OpenThreshold = 0.9, CloseThreshold = 0.6 };

    private static (EpisodeState State, List<(int Index, EpisodeChange Change)> Changes) Feed(params double[] scores)
    {
        var state = EpisodeState.Initial;
        var changes = new List<(int, EpisodeChange)>();
        for (var i = 0; i < scores.Length; i++)
        {
            var score = new AnomalyScore(scores[i], false, [new ChannelContribution("vibration", 3, 2, 6)]);
            (state, var change) = EpisodeTracker.Observe(state, Series.At(i), score, Options);
            if (change != EpisodeChange.None)
            {
                changes.Add((i, change));
            }
        }

        return (state, changes);
    }

    [Fact]
    public void Opens_AfterNOfMSamplesAboveTheOpenThreshold()
    {
        var (state, changes) = Feed(0.1, 0.95, 0.2, 0.97, 0.99);

        Assert.Equal([(4, EpisodeChange.Opened)], changes);
        Assert.True(state.IsOpen);
        Assert.Equal(1, state.Number);
        Assert.Equal(Series.At(4), state.OpenedAt);
        Assert.Equal(0.99, state.PeakScore);
        Assert.Contains("vibration", state.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotOpen_OnIsolatedSpikesSpreadWiderThanTheWindow()
    {
        var (state, changes) = Feed(0.95, 0.1, 0.1, 0.1, 0.1, 0.95, 0.1, 0.1, 0.1, 0.1, 0.95, 0.1, 0.1, 0.1, 0.1, 0.95);

        Assert.Empty(changes);
        Assert.False(state.IsOpen);
    }

    [Fact]
    public void StaysOpen_WhileScoresHoverBetweenTheThresholds()
    {
        var (state, changes) = Feed(0.95, 0.95, 0.95, 0.7, 0.5, 0.7, 0.5, 0.5, 0.5, 0.7, 0.8, 0.5, 0.5, 0.65);

        Assert.Equal([(2, EpisodeChange.Opened)], changes);
        Assert.True(state.IsOpen);
    }

    [Fact]
    public void Closes_AfterCloseAfterConsecutiveSamplesBelowTheCloseThreshold_AndReopensAsANewEpisode()
    {
        var (state, changes) = Feed(0.95, 0.95, 0.95, 0.5, 0.5, 0.5, 0.5, 0.2, 0.95, 0.95, 0.95);

        Assert.Equal([(2, EpisodeChange.Opened), (6, EpisodeChange.Closed), (10, EpisodeChange.Opened)], changes);
        Assert.Equal(2, state.Number);
    }

    [Fact]
    public void IgnoresSamplesWhileTheDetectorWarmsUp()
    {
        var state = EpisodeState.Initial;

        for (var i = 0; i < 10; i++)
        {
            (state, var change) = EpisodeTracker.Observe(state, Series.At(i), AnomalyScore.Learning, Options);
            Assert.Equal(EpisodeChange.None, change);
        }

        Assert.Equal(EpisodeState.Initial, state);
    }

    [Fact]
    public void DetectorScoresOnAStepFault_OpenOneEpisode_ThatClosesAfterTheDeviceReturnsToNormal()
    {
        var values = new Series(21).Noise(1400);
        for (var i = 700; i < 760; i++)
        {
            values[i] += 6;
        }

        var scores = Scoring.Run(values);
        var options = new AnomalyDetectorOptions();
        var state = EpisodeState.Initial;
        var changes = new List<(int, EpisodeChange)>();
        for (var i = 0; i < scores.Length; i++)
        {
            (state, var change) = EpisodeTracker.Observe(state, Series.At(i), new AnomalyScore(scores[i], false, []), options);
            if (change != EpisodeChange.None)
            {
                changes.Add((i, change));
            }
        }

        Assert.Equal(2, changes.Count);
        Assert.Equal(EpisodeChange.Opened, changes[0].Item2);
        Assert.InRange(changes[0].Item1, 700, 720);
        Assert.Equal(EpisodeChange.Closed, changes[1].Item2);
        Assert.False(state.IsOpen);
        Assert.NotEqual(EpisodeSeverity.None, state.Severity);
    }
}
