using System.Text.Json;
using WorkOrders.Grains.Devices;
using WorkOrders.Prediction.Anomaly;

namespace WorkOrders.Grains.Tests.Devices;

public sealed class DeviceStateTests
{
    private static readonly JsonSerializerOptions StorageJson = new(JsonSerializerDefaults.General);

    [Fact]
    public void ExplanationByScoreAlone_IsTheScoresOwnText_AndIsStoredAsText()
    {
        var state = new DeviceState { LastScore = 0.1234 };

        state.ExplainByScoreAlone();
        var stored = JsonSerializer.Deserialize<DeviceState>(JsonSerializer.Serialize(state, StorageJson), StorageJson)!;

        Assert.Equal(new AnomalyScore(0.1234, false, []).Explain(), state.LastExplanation);
        Assert.False(state.KeepsExplanationText);
        Assert.Equal(state.LastExplanation, stored.LastExplanation);
    }

    [Fact]
    public void SettingAnExplanation_EndsTheExplanationByScoreAlone()
    {
        var state = new DeviceState { LastScore = 0.95 };
        state.ExplainByScoreAlone();

        state.LastExplanation = "score 0.950: flow 3 vs 40 expected (-9.0 σ)";

        Assert.Equal("score 0.950: flow 3 vs 40 expected (-9.0 σ)", state.LastExplanation);
        Assert.True(state.KeepsExplanationText);
    }

    [Fact]
    public void StoredSeqRanges_LoadFromTheListFormat()
    {
        var state = JsonSerializer.Deserialize<DeviceState>("""{"SeenSeqs":[{"From":1,"To":40},{"From":45,"To":50}]}""", StorageJson)!;

        Assert.Equal([new(1, 40), new(45, 50)], state.SeenSeqs);
    }
}
