using WorkOrders.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkOrders.BrowserTests;

/// <summary>The fleet page on a phone-sized viewport, with a device reporting and a work order open.</summary>
[Collection(BrowserPlatformCollection.Name)]
public sealed class FleetPageOnPhoneTests(BrowserPlatform platform)
{
    private const int LastSeq = 60;

    [Fact]
    public async Task FitsPhoneWidth_WithoutHorizontalOverflow()
    {
        var pump = DegradingPump.Fresh(faultFromSeq: int.MaxValue, lastSeq: LastSeq);
        await platform.RegisterDeviceAsync(pump.DeviceId, "pump", FleetPageTests.Site());
        await using (var publisher = await TelemetryPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port))
        {
            await publisher.PublishSamplesAsync(pump.DeviceId, pump.Samples(1, LastSeq));
        }

        var number = await platform.OpenManualWorkOrderAsync(pump.DeviceId, "Inspect the pump's bearing after a noisy week");

        await using var fleet = await platform.OpenFleetPageAsync(width: 375, height: 812);
        var patience = FleetPageTests.Milliseconds(BrowserPlatform.Patience);
        await Expect(fleet.LastSeq(pump.DeviceId)).ToHaveTextAsync($"{LastSeq}", new() { Timeout = patience });
        await Expect(fleet.WorkOrderRow(number)).ToBeVisibleAsync(new() { Timeout = patience });
        var (scrollWidth, innerWidth) = await fleet.BodyWidthAsync();
        Assert.True(
            scrollWidth <= innerWidth,
            $"At 375x812 the body is {scrollWidth} px wide in a {innerWidth} px window: the page scrolls sideways.");
    }
}
