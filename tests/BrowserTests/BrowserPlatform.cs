using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WorkOrders.Contracts.Devices;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Testing;

namespace WorkOrders.BrowserTests;

/// <summary>
/// One real mosquitto, one Kestrel-hosted platform pointed at it, and one headless chromium, shared by the browser
/// tests. Each test registers its own devices and engineers (fresh ids, its own site) and opens its own browser
/// context, so no test depends on another's data.
/// </summary>
public sealed class BrowserPlatform : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private KestrelPlatform? _platform;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public MosquittoServer Broker { get; } = new();

    public KestrelPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        await Broker.InitializeAsync();
        _platform = new KestrelPlatform($"{Broker.Host}:{Broker.Port}");
        _platform.StartServer();
        Http = new HttpClient { BaseAddress = _platform.BaseAddress };
        await Eventually.AssertAsync(
            async () => (await Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode,
            Patience, $"the platform at {_platform.BaseAddress} to report ready (database, ingest subscribed to mosquitto)");

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }

        await Broker.DisposeAsync();
    }

    /// <summary>A new browser context (own cookies, own viewport) with the fleet page loaded.</summary>
    public async Task<FleetPage> OpenFleetPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.True(response is { Ok: true }, $"GET / answered {response?.Status}");
        return new FleetPage(context, page);
    }

    public async Task RegisterDeviceAsync(string deviceId, string assetType, string site)
    {
        var response = await Http.PostAsJsonAsync(
            new Uri("/api/devices", UriKind.Relative), new DeviceRegistration(deviceId, assetType, site, "hall 1"));
        Assert.True(response.IsSuccessStatusCode, $"POST /api/devices: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task RegisterEngineerAsync(string id, string name, string site, string assetType, int level)
    {
        var response = await Http.PostAsJsonAsync(
            new Uri("/api/engineers", UriKind.Relative),
            new EngineerRegistration(id, name, site, [new EngineerSkillView(assetType, level)]));
        Assert.True(response.IsSuccessStatusCode, $"POST /api/engineers: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The numbers of the device's predictive work orders, from <c>GET /api/workorders</c>.</summary>
    public async Task<IReadOnlyList<string>> PredictiveWorkOrderNumbersAsync(string deviceId)
    {
        using var response = await Http.GetAsync(
            new Uri($"/api/workorders?source=Prediction&deviceId={Uri.EscapeDataString(deviceId)}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. page.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("number").GetString()!)];
    }

    /// <summary>Opens a work order by hand (<c>POST /api/workorders</c>, source Api) and returns its number.</summary>
    public async Task<string> OpenManualWorkOrderAsync(string deviceId, string title)
    {
        var response = await Http.PostAsJsonAsync(
            new Uri("/api/workorders", UriKind.Relative),
            new { source = "Api", category = "Inspection", title, deviceId, priority = "Medium" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/workorders: {body}");
        using var order = JsonDocument.Parse(body);
        return order.RootElement.GetProperty("number").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserPlatformCollection : ICollectionFixture<BrowserPlatform>
{
    public const string Name = "fleet page in chromium against the platform on mosquitto";
}
