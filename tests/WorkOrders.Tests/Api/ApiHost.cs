using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkOrders.Api.Audit;
using WorkOrders.Api.Dispatch;
using WorkOrders.Api.Engineers;
using WorkOrders.Api.Sla;
using WorkOrders.Api.Catalog;
using WorkOrders.Api.Customers;
using WorkOrders.Api.Intake;
using WorkOrders.Api;
using WorkOrders.Api.Models;
using WorkOrders.Api.Notifications;
using WorkOrders.Maintenance.Models.Training;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.WorkOrders.Tests.Api;

/// <summary>
/// The endpoint groups of src/Api (compiled into this project) on Kestrel at a free loopback port, over a fresh
/// SQLite store, configured the way the platform host configures them. With <c>withNotifications</c> it also serves
/// the webhook and tracking endpoints and the SignalR hub (<see cref="NotificationHosting"/>) with the background
/// loops switched off: tests pump the relay themselves.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;

    private ApiHost(WebApplication app, string directory, HttpClient client)
    {
        this.app = app;
        this.directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The host's services, for arranging data the API cannot create (e.g. trained model versions).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<ApiHost> StartAsync(bool withNotifications = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"workorders-api-{Guid.NewGuid():N}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[MaintenanceStoreOptions.ConnectionStringKey] = $"Data Source={Path.Combine(directory, "api.db")}";
        builder.Configuration[MaintenanceStoreOptions.SeedDemoDataKey] = "true";
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero)));
        builder.Services.AddMaintenanceStore(builder.Configuration);
        builder.Services.AddTrainingJobs(builder.Configuration);
        if (withNotifications)
        {
            builder.Configuration["Notifications:Relay:Enabled"] = "false";
            builder.Configuration["Notifications:Webhooks:Enabled"] = "false";
            builder.Services.AddPlatformNotifications(builder.Configuration);
        }

        var app = builder.Build();
        app.MapWorkOrderImportApi();
        app.MapWorkOrdersApi();
        app.MapEngineersApi();
        app.MapAuditApi();
        app.MapSlaApi();
        app.MapCategoriesApi();
        app.MapCustomersApi();
        app.MapModelsApi();
        app.MapTrainingJobsApi();
        app.MapOutcomesApi();
        app.MapDispatchApi();
        if (withNotifications)
        {
            app.MapPlatformNotifications();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ApiHost(app, directory, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A context on the host's store, e.g. to change a row behind the API's back.</summary>
    public MaintenanceDbContext CreateDbContext() =>
        app.Services.GetRequiredService<IDbContextFactory<MaintenanceDbContext>>().CreateDbContext();

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
