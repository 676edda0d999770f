using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Api.Tracking;
using WorkOrders.Maintenance.Notifications;

namespace WorkOrders.Api.Notifications;

/// <summary>Notifications in the platform host: relay and webhook loops, the SignalR hub and channel, webhooks and tracking endpoints.</summary>
public static class NotificationHosting
{
    public static IServiceCollection AddPlatformNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        services.AddNotificationWorkers(configuration);
        services.AddSingleton<INotificationChannel, SignalRChannel>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformNotifications(this IEndpointRouteBuilder app)
    {
        app.MapWebhooksApi();
        app.MapTrackingApi();
        app.MapHub<WorkOrdersHub>(WorkOrdersHub.Path);
        return app;
    }
}
