using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkOrders.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkOrders.BrowserTests;

/// <summary>
/// The fleet page in a real chromium against the real platform: telemetry published to mosquitto shows up on the
/// open page over the Blazor circuit, and a degrading device's predictive work order appears with its engineer.
/// </summary>
[Collection(BrowserPlatformCollection.Name)]
public sealed partial class FleetPageTests(BrowserPlatform platform)
{
    private const int WarmupSeqs = 60;
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = Milliseconds(BrowserPlatform.Patience) };
    private static readonly LocatorAssertionsToBeVisibleOptions Shown = new() { Timeout = Milliseconds(BrowserPlatform.Patience) };

    [Fact]
    public async Task ShowsRegisteredDevice_AndUpdatesItsLastSeqAndScore_AsTelemetryArrives_WithoutReload()
    {
        var site = Site();
        var pump = DegradingPump.Fresh(faultFromSeq: WarmupSeqs + 1, lastSeq: WarmupSeqs + 3);
        await platform.RegisterDeviceAsync(pump.DeviceId, "pump", site);
        await using var fleet = await platform.OpenFleetPageAsync();
        await fleet.MarkLoadedAsync();
        await using var publisher = await TelemetryPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port);

        await Expect(fleet.DeviceRow(pump.DeviceId)).ToBeVisibleAsync(Shown);
        await Expect(fleet.DeviceRow(pump.DeviceId)).ToContainTextAsync("No data yet");
        await Expect(fleet.LastSeq(pump.DeviceId)).ToHaveTextAsync("");
        await Expect(fleet.Score(pump.DeviceId)).ToHaveTextAsync("0.00");

        await publisher.PublishSamplesAsync(pump.DeviceId, pump.Samples(1, WarmupSeqs));

        await Expect(fleet.LastSeq(pump.DeviceId)).ToHaveTextAsync($"{WarmupSeqs}", Live);
        var steadyScore = await fleet.Score(pump.DeviceId).InnerTextAsync();
        Assert.Matches(ScoreBelowWatch(), steadyScore);

        await publisher.PublishSamplesAsync(pump.DeviceId, pump.Samples(WarmupSeqs + 1, WarmupSeqs + 3));

        await Expect(fleet.LastSeq(pump.DeviceId)).ToHaveTextAsync($"{WarmupSeqs + 3}", Live);
        await Expect(fleet.Score(pump.DeviceId)).ToHaveTextAsync(ScoreAtLeastWatch(), Live);
        Assert.True(await fleet.WasNotReloadedAsync(), "the fleet page was reloaded; its cells must change over the Blazor circuit");
    }

    [Fact]
    public async Task ShowsPredictiveWorkOrder_WithItsEngineer_WhenDeviceDegrades_WithoutReload()
    {
        const int faultFromSeq = 301;
        const int lastSeq = 450;
        var site = Site();
        var engineerId = $"eng-{Guid.NewGuid():N}"[..16];
        var pump = DegradingPump.Fresh(faultFromSeq, lastSeq);
        await platform.RegisterEngineerAsync(engineerId, "Pump Fitter", site, "pump", level: 3);
        await platform.RegisterDeviceAsync(pump.DeviceId, "pump", site);
        await using var fleet = await platform.OpenFleetPageAsync();
        await fleet.MarkLoadedAsync();
        await Expect(fleet.DeviceRow(pump.DeviceId)).ToBeVisibleAsync(Shown);

        await using (var publisher = await TelemetryPublisher.ConnectAsync(platform.Broker.Host, platform.Broker.Port))
        {
            await publisher.PublishSamplesAsync(pump.DeviceId, pump.Samples(1, lastSeq));
        }

        var number = await PredictiveWorkOrderNumberAsync(pump.DeviceId);
        var row = fleet.WorkOrderRow(number);
        await Expect(row).ToBeVisibleAsync(Shown);
        await Expect(row).ToContainTextAsync(number);
        await Expect(row).ToContainTextAsync(pump.DeviceId);
        await Expect(row).ToContainTextAsync(engineerId, new() { Timeout = Milliseconds(BrowserPlatform.Patience) });
        await Expect(fleet.DeviceRow(pump.DeviceId)).ToContainTextAsync($"Fault predicted ({number})", new() { Timeout = Milliseconds(BrowserPlatform.Patience) });
        Assert.True(await fleet.WasNotReloadedAsync(), "the fleet page was reloaded; the work order must appear over the Blazor circuit");
        await fleet.ScreenshotAsync("fleet-with-predictive-work-order");
    }

    private async Task<string> PredictiveWorkOrderNumberAsync(string deviceId)
    {
        IReadOnlyList<string> numbers = [];
        await Eventually.AssertAsync(
            async () => (numbers = await platform.PredictiveWorkOrderNumbersAsync(deviceId)).Count > 0,
            BrowserPlatform.Patience, $"GET /api/workorders to list a predictive work order for {deviceId}");
        return Assert.Single(numbers);
    }

    internal static string Site() => $"plant-{Guid.NewGuid():N}"[..16];

    internal static float Milliseconds(TimeSpan timeout) => (float)timeout.TotalMilliseconds;

    /// <summary>Scores as the page prints them (0.00–1.00) below the "Watch" level 0.60.</summary>
    [GeneratedRegex(@"^0\.[0-5]\d$")]
    private static partial Regex ScoreBelowWatch();

    /// <summary>Scores as the page prints them at or above the "Watch" level 0.60.</summary>
    [GeneratedRegex(@"^(0\.[6-9]\d|1\.00)$")]
    private static partial Regex ScoreAtLeastWatch();
}
