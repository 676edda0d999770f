using WorkOrders.Contracts.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace WorkOrders.Ingest.TimeSeries;

public static class TelemetryStoreServiceCollectionExtensions
{
    /// <summary>The configuration key that picks the store: <c>Embedded</c> (SQLite, the default) or <c>Influx</c>.</summary>
    public const string ProviderKey = "TimeSeries:Provider";

    /// <summary>
    /// Registers <see cref="ITelemetryStore"/>: <see cref="SqliteTelemetryStore"/> (also as itself, for the API's
    /// charts) when <c>TimeSeries:Provider</c> is <c>Embedded</c> or unset, <see cref="InfluxLineProtocolStore"/> as a
    /// typed HTTP client when it is <c>Influx</c>. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddTelemetryStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<EmbeddedStoreOptions>()
                .BindValidatedSection(configuration, EmbeddedStoreOptions.Section);
            services.TryAddSingleton<SqliteTelemetryStore>();
            services.TryAddSingleton<ITelemetryStore>(sp => sp.GetRequiredService<SqliteTelemetryStore>());
            return services;
        }

        if (provider.Equals("Influx", StringComparison.OrdinalIgnoreCase))
        {
            services.AddOptions<InfluxOptions>()
                .BindValidatedSection(configuration, InfluxOptions.Section);
            services.AddHttpClient<ITelemetryStore, InfluxLineProtocolStore>((sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<InfluxOptions>>().Value.RequestTimeout + TimeSpan.FromSeconds(5));
            return services;
        }

        throw new InvalidOperationException(
            $"{ProviderKey} is '{provider}'; use 'Embedded' (SQLite, the default) or 'Influx'.");
    }
}
