using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Api;
using WorkOrders.Api.Notifications;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.WorkOrders.Tests.Infrastructure;

namespace WorkOrders.WorkOrders.Tests.Notifications;

/// <summary>
/// The work-order, webhook and tracking endpoints and the SignalR hub of src/Api on Kestrel at a free loopback port,
/// over a fresh SQLite store, wired by <see cref="NotificationHosting"/> with the background loops switched off:
/// tests pump the relay themselves.
/// </summary>
public sealed class NotificationsApiHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private NotificationsApiHost(WebApplication app, string directory, Uri address)
    {
        this.app = app;
        this.directory = directory;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<NotificationsApiHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workorders-notify-{Guid.NewGuid():N}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[MaintenanceStoreOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "api.db")}";
        builder.Configuration[MaintenanceStoreOptions.SeedDemoDataKey] = "true";
        builder.Configuration["Notifications:Relay:Enabled"] = "false";
        builder.Configuration["Notifications:Webhooks:Enabled"] = "false";
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestStore.Start));
        builder.Services.AddMaintenanceStore(builder.Configuration);
        builder.Services.AddPlatformNotifications(builder.Configuration);
        var app = builder.Build();
        app.MapWorkOrdersApi();
        app.MapPlatformNotifications();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new NotificationsApiHost(app, directory, new Uri(address));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, document.RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
