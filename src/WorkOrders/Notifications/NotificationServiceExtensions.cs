using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Configuration;
using WorkOrders.Maintenance.Notifications.Messaging;
using WorkOrders.Maintenance.Notifications.Webhooks;
using WorkOrders.Maintenance.Tracking;

namespace WorkOrders.Maintenance.Notifications;

public static class NotificationServiceExtensions
{
    /// <summary>
    /// The notification services: the outbox relay with the webhook and e-mail/SMS channels, the webhook dispatcher,
    /// the senders chosen by <c>Notifications:Email:Sender</c> and <c>Notifications:Sms:Sender</c>, and the tracking
    /// query. No background work starts here: see <see cref="AddNotificationWorkers"/>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(OutboxRelay)))
        {
            return services;
        }

        services.AddOptions<NotificationRelayOptions>().BindValidatedSection(configuration, NotificationRelayOptions.Section);
        services.AddOptions<WebhookOptions>().BindValidatedSection(configuration, WebhookOptions.Section);
        services.AddOptions<NotificationLinkOptions>().BindValidatedSection(configuration, NotificationLinkOptions.Section);
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, MessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, MessagingOptionsValidator>());

        services.AddMetrics();
        services.AddHttpClient(WebhookOptions.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NotificationMetrics>();
        services.TryAddSingleton<OutboxRelay>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<WebhookSubscriptions>();
        services.TryAddSingleton<TrackingQuery>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, MessagingChannel>();
        services.AddSingleton<INotificationSender>(sp => EmailSender(sp));
        services.AddSingleton<INotificationSender>(sp => SmsSender(sp));
        return services;
    }

    /// <summary>The relay and webhook loops, each switched by its <c>Enabled</c> setting.</summary>
    public static IServiceCollection AddNotificationWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddNotifications(configuration);
        if (configuration.GetSection(NotificationRelayOptions.Section).Get<NotificationRelayOptions>()?.Enabled ?? true)
        {
            services.AddSingleton<IHostedService, OutboxRelayService>();
        }

        if (configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.Enabled ?? true)
        {
            services.AddSingleton<IHostedService, WebhookDispatcherService>();
        }

        return services;
    }

    private static INotificationSender EmailSender(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmailOptions>>();
        var clock = services.GetRequiredService<TimeProvider>();
        return MessagingOptionsValidator.Parse(options.Value.Sender, $"{EmailOptions.Section}:Sender", [SenderKind.Smtp, SenderKind.File, SenderKind.None]) switch
        {
            SenderKind.Smtp => new SmtpEmailSender(options, clock),
            SenderKind.File => new FileEmailSender(options, clock),
            _ => new NullSender(NotificationMedia.Email),
        };
    }

    private static INotificationSender SmsSender(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SmsOptions>>();
        return MessagingOptionsValidator.Parse(options.Value.Sender, $"{SmsOptions.Section}:Sender", [SenderKind.File, SenderKind.None]) switch
        {
            SenderKind.File => new FileSmsSender(options, services.GetRequiredService<TimeProvider>()),
            _ => new NullSender(NotificationMedia.Sms),
        };
    }
}
