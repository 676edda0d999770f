using WorkOrders.Contracts.Telemetry;

namespace WorkOrders.Contracts.Tests.Telemetry;

public sealed class TelemetryTopicsTests
{
    [Theory]
    [InlineData("pdm/v1/pump-17/telemetry", "pump-17")]
    [InlineData("pdm/v1/pump-17/status", "pump-17")]
    [InlineData("pdm/v1/site_a.fan.3/config", "site_a.fan.3")]
    public void DeviceIdFrom_ReadsTheDeviceSegment(string topic, string expected)
    {
        var deviceId = TelemetryTopics.DeviceIdFrom(topic);

        Assert.Equal(expected, deviceId);
    }

    [Theory]
    [InlineData("pdm/v2/pump-17/telemetry")]
    [InlineData("acme/v1/pump-17/telemetry")]
    [InlineData("pdm/v1//telemetry")]
    [InlineData("pdm/v1/pump-17")]
    [InlineData("pdm/v1/pump/17/telemetry")]
    [InlineData("")]
    public void DeviceIdFrom_ReturnsNull_WhenTheTopicIsNotADeviceTopic(string topic)
    {
        var deviceId = TelemetryTopics.DeviceIdFrom(topic);

        Assert.Null(deviceId);
    }

    [Fact]
    public void DeviceIdFrom_ReadsBackTheIdOfEveryTopicItBuilds()
    {
        var topics = new[]
        {
            TelemetryTopics.Telemetry("pump-17"),
            TelemetryTopics.Status("pump-17"),
            TelemetryTopics.Config("pump-17"),
        };

        var ids = topics.Select(TelemetryTopics.DeviceIdFrom).ToList();

        Assert.Equal(["pdm/v1/pump-17/telemetry", "pdm/v1/pump-17/status", "pdm/v1/pump-17/config"], topics);
        Assert.Equal(["pump-17", "pump-17", "pump-17"], ids);
    }

    [Fact]
    public void Shared_PrefixesTheFilterWithTheShareGroup()
    {
        var topic = TelemetryTopics.Shared("ingest", TelemetryTopics.TelemetryWildcard);

        Assert.Equal("$share/ingest/pdm/v1/+/telemetry", topic);
    }

    [Fact]
    public void Wildcards_MatchOneDeviceLevel()
    {
        Assert.Equal("pdm/v1/+/telemetry", TelemetryTopics.TelemetryWildcard);
        Assert.Equal("pdm/v1/+/status", TelemetryTopics.StatusWildcard);
    }
}
