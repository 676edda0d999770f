using Microsoft.Extensions.Options;
using WorkOrders.Contracts.Configuration;
using System.Net;
using WorkOrders.Api.Orleans;
using WorkOrders.Grains;

namespace WorkOrders.Api.Hosting;

/// <summary>
/// Puts a silo into this process (role <c>Silo</c>) or, in an ingest/API-only process, a cluster client.
/// Localhost clustering for one node; Redis as the shared membership table when silos run apart.
/// </summary>
public static class OrleansHosting
{
    public static IHostApplicationBuilder AddOrleansRole(this IHostApplicationBuilder builder, PlatformOptions platform)
    {
        // Orleans consumes these values while the host is being built, before ValidateOnStart runs: check them now.
        var cluster = builder.Configuration.GetSection(OrleansClusterOptions.Section).Get<OrleansClusterOptions>() ?? new();
        var validation = new KeyNamingOptionsValidator<OrleansClusterOptions>(null, OrleansClusterOptions.Section).Validate(null, cluster);
        if (validation.Failed)
        {
            throw new OptionsValidationException(OrleansClusterOptions.Section, typeof(OrleansClusterOptions), validation.Failures);
        }

        if (cluster.Clustering == "Redis" && string.IsNullOrWhiteSpace(cluster.RedisConnectionString))
        {
            throw new InvalidOperationException("Cluster:RedisConnectionString is required when Cluster:Clustering is Redis.");
        }

        if (cluster.Clustering == "Redis")
        {
            // Silos and clients of one cluster share its identity (localhost clustering passes it below).
            builder.Services.Configure<global::Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
        }

        if (platform.Runs("Silo"))
        {
            builder.Services.AddDeviceGrains(builder.Configuration);
            builder.Services.AddRelationalGrainStorage(GrainStorage.Devices);
            builder.UseOrleans(silo =>
            {
                if (cluster.Clustering == "Redis")
                {
                    silo.UseRedisClustering(cluster.RedisConnectionString!);
                    if (string.IsNullOrWhiteSpace(cluster.AdvertisedHost))
                    {
                        silo.ConfigureEndpoints(IPAddress.Loopback, cluster.SiloPort, cluster.GatewayPort);
                    }
                    else
                    {
                        silo.ConfigureEndpoints(cluster.AdvertisedHost, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                    }
                }
                else
                {
                    silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                }
            });
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                if (cluster.Clustering == "Redis")
                {
                    client.UseRedisClustering(cluster.RedisConnectionString!);
                }
                else
                {
                    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                }
            });
        }

        return builder;
    }
}
