using System.Text;
using WorkOrders.EdgeAgent.RemoteConfig;

namespace WorkOrders.EdgeAgent.Tests.RemoteConfig;

public sealed class DesiredConfigurationMergerTests
{
    private static readonly AgentSettings Current = new(
        Version: 1,
        SampleIntervalMs: 1000,
        PublishIntervalMs: 1000,
        HeartbeatIntervalMs: 60_000,
        Sensors: new SensorSelection(true, true, true, true),
        Vibration: new VibrationSettings(1600, 1024),
        Calibration: new Dictionary<string, Calibration>());

    [Fact]
    public void LaysTheDocumentOverTheCurrentSettings()
    {
        var merged = Merge("""{"version":2,"publishIntervalMs":5000,"sensors":{"analog":false},"calibration":{"current_a":{"scale":1.02,"offset":-0.1}}}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal(2, merged!.Version);
        Assert.Equal(5000, merged.PublishIntervalMs);
        Assert.Equal(1000, merged.SampleIntervalMs);
        Assert.False(merged.Sensors.Analog);
        Assert.True(merged.Sensors.Vibration);
        Assert.Equal(new Calibration(1.02, -0.1), merged.Calibration["current_a"]);
    }

    [Theory]
    [InlineData("""{"publishIntervalMs":10}""", "publishIntervalMs 10")]
    [InlineData("""{"vibration":{"sampleRateHz":1000}}""", "vibration.sampleRateHz 1000")]
    [InlineData("""{"vibration":{"windowSize":4096}}""", "does not fit in sampleIntervalMs")]
    [InlineData("""{"calibration":{"Temp C":{"scale":1,"offset":0}}}""", "'Temp C' is not a reading name")]
    [InlineData("""{"calibration":{"temperature_c":{"scale":0,"offset":0}}}""", "non-zero scale")]
    [InlineData("""{"publishIntervalMS":5000}""", "publishIntervalMS")]
    [InlineData("""{"publishIntervalMs":"fast"}""", "not a valid configuration document")]
    [InlineData("""not json""", "not a valid configuration document")]
    public void RejectsInvalidDocuments_WithTheReason(string json, string reason)
    {
        var merged = Merge(json, out var errors);

        Assert.Null(merged);
        Assert.Contains(errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void TakesTheTwinVersion_WhenThereIsNoOther()
    {
        var merged = Merge("""{"$version":17,"sampleIntervalMs":2000}""", out _);

        Assert.Equal(17, merged!.Version);
    }

    private static AgentSettings? Merge(string json, out IReadOnlyList<string> errors) =>
        DesiredConfigurationMerger.TryMerge(Current, Encoding.UTF8.GetBytes(json), out errors);
}
