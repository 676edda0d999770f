using System.Reflection;
using Microsoft.Playwright;

namespace WorkOrders.BrowserTests;

/// <summary>The fleet page (<c>/</c>) open in its own browser context, located by its <c>data-*</c> test hooks.</summary>
public sealed class FleetPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private const string LoadMarker = "__fleetPageLoadedOnce";

    public IPage Page => page;

    public ILocator Fleet => page.Locator("[data-testid=fleet]");

    public ILocator WorkOrders => page.Locator("[data-testid=workorders]");

    public ILocator DeviceRow(string deviceId) => Fleet.Locator($"tr[data-device='{deviceId}']");

    public ILocator Score(string deviceId) => DeviceRow(deviceId).Locator("[data-testid=score]");

    public ILocator LastSeq(string deviceId) => DeviceRow(deviceId).Locator("[data-testid=last-seq]");

    public ILocator WorkOrderRow(string number) => WorkOrders.Locator($"tr[data-workorder='{number}']");

    /// <summary>
    /// Puts a mark on the loaded document. A reload or a navigation replaces the document and loses the mark, so
    /// <see cref="WasNotReloadedAsync"/> proves that what changed since came over the Blazor circuit.
    /// </summary>
    public Task MarkLoadedAsync() => page.EvaluateAsync($"() => {{ window.{LoadMarker} = true; }}");

    public async Task<bool> WasNotReloadedAsync() =>
        await page.EvaluateAsync<bool>($"() => window.{LoadMarker} === true");

    /// <summary>Whether the body is wider than the window (the page scrolls sideways).</summary>
    public async Task<(int ScrollWidth, int InnerWidth)> BodyWidthAsync()
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.body.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>A full-page screenshot in tests/BrowserTests/artifacts/ (git-ignored), for a person to look at.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(ProjectDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static string ProjectDirectory =>
        typeof(FleetPage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BrowserTests.ProjectDirectory")?.Value is { Length: > 0 } directory
            && Directory.Exists(directory)
            ? directory
            : AppContext.BaseDirectory;
}
