using System.Text.Json;
using WorkOrders.Grains.Devices;

namespace WorkOrders.Grains.Tests.Devices;

public sealed class ChannelReadingsTests
{
    private static readonly JsonSerializerOptions StorageJson = new(JsonSerializerDefaults.General);
    private static readonly string[] Channels = ["flow", "pressure", "rpm"];

    [Fact]
    public void Align_KeepsValuesOnTheGivenNames_AndListsOnlyTheChannelsTheSampleCarried()
    {
        var readings = ChannelReadings.Align(Channels, new Dictionary<string, double> { ["rpm"] = 1450, ["flow"] = 41.5 });

        var aligned = Assert.IsType<ChannelReadings>(readings);
        Assert.Same(Channels, aligned.Names);
        Assert.Equal(2, readings.Count);
        Assert.Equal([new("flow", 41.5), new("rpm", 1450.0)], readings.ToArray());
        Assert.True(readings.TryGetValue("rpm", out var rpm));
        Assert.Equal(1450, rpm);
        Assert.False(readings.ContainsKey("pressure"));
        Assert.Throws<KeyNotFoundException>(() => readings["pressure"]);
    }

    [Fact]
    public void Align_KeepsTheReadingsAsGiven_WhenOneIsNotAmongTheNames()
    {
        var given = new Dictionary<string, double> { ["flow"] = 41.5, ["torque"] = 7 };

        var readings = ChannelReadings.Align(Channels, given);

        Assert.IsNotType<ChannelReadings>(readings);
        Assert.Equal(given, readings);
    }

    [Fact]
    public void Align_KeepsTheReadingsAsGiven_WhenOneIsNotFinite()
    {
        var given = new Dictionary<string, double> { ["flow"] = double.NaN, ["rpm"] = 1450 };

        var readings = ChannelReadings.Align(Channels, given);

        Assert.IsNotType<ChannelReadings>(readings);
        Assert.True(double.IsNaN(readings["flow"]));
    }

    [Fact]
    public void StateStoredWithADictionaryOfReadings_LoadsAndIsWrittenBackUnchanged()
    {
        // LatestReadings as the Dictionary<string, double> of earlier versions wrote it.
        var old = JsonSerializer.Serialize(
            new { AssetType = "pump", LatestReadings = new Dictionary<string, double> { ["flow"] = 41.5, ["rpm"] = 1450, ["pressure"] = 3.25 }, LastScore = 0.25 },
            StorageJson);

        var state = JsonSerializer.Deserialize<DeviceState>(old, StorageJson)!;
        var written = JsonSerializer.Serialize(state, StorageJson);

        Assert.Equal(new Dictionary<string, double> { ["flow"] = 41.5, ["rpm"] = 1450, ["pressure"] = 3.25 }, state.LatestReadings);
        Assert.Contains("\"LatestReadings\":{\"flow\":41.5,\"rpm\":1450,\"pressure\":3.25}", written, StringComparison.Ordinal);
        Assert.Equal(0.25, state.LastScore);
    }

    [Fact]
    public void StoredReadings_AlignWithSharedNamesAfterLoading()
    {
        var state = JsonSerializer.Deserialize<DeviceState>("""{"LatestReadings":{"rpm":1450,"flow":41.5}}""", StorageJson)!;

        var aligned = Assert.IsType<ChannelReadings>(ChannelReadings.Align(Channels, state.LatestReadings));

        Assert.Same(Channels, aligned.Names);
        Assert.Equal(new Dictionary<string, double> { ["flow"] = 41.5, ["rpm"] = 1450 }, aligned);
    }

    [Fact]
    public void StateWithoutOrWithNullReadings_LoadsWithNone()
    {
        Assert.Empty(JsonSerializer.Deserialize<DeviceState>("""{"LatestReadings":null}""", StorageJson)!.LatestReadings);
        Assert.Empty(JsonSerializer.Deserialize<DeviceState>("{}", StorageJson)!.LatestReadings);
    }
}
