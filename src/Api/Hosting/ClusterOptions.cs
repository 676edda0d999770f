using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Api.Hosting;

/// <summary>Bound from <c>Cluster</c> (not <c>Orleans</c>: Orleans reads that section itself): how silos find each other.</summary>
public sealed class OrleansClusterOptions
{
    public const string Section = "Cluster";

    /// <summary><c>Localhost</c> (single node) or <c>Redis</c> (a shared membership table for a multi-process cluster).</summary>
    [Required]
    [RegularExpression("^(Localhost|Redis)$", ErrorMessage = "Cluster:Clustering must be Localhost or Redis.")]
    public string Clustering { get; set; } = "Localhost";

    /// <summary>Required when <see cref="Clustering"/> is <c>Redis</c>.</summary>
    public string? RedisConnectionString { get; set; }

    [Required]
    public string ClusterId { get; set; } = "pdm";

    [Required]
    public string ServiceId { get; set; } = "pdm";

    /// <summary>
    /// The host name other silos and clients reach this silo by (e.g. a container's service name). Unset: loopback,
    /// for silos that share one machine.
    /// </summary>
    public string? AdvertisedHost { get; set; }

    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11_111;

    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30_000;
}
