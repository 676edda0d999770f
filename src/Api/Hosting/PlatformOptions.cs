using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Api.Hosting;

/// <summary>Bound from <c>Platform</c>: which parts of the platform this process runs.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>
    /// Any of <c>Silo</c>, <c>Ingest</c>, <c>Api</c>, comma-separated. A single-node install runs all three;
    /// a cluster runs silos, ingest workers and API nodes as separate processes around a shared membership store.
    /// </summary>
    [Required]
    [RegularExpression("^\\s*(Silo|Ingest|Api)(\\s*,\\s*(Silo|Ingest|Api))*\\s*$", ErrorMessage = "Platform:Roles must list Silo, Ingest and/or Api, comma-separated.")]
    public string Roles { get; set; } = "Silo,Ingest,Api";

    /// <summary>Seed demo engineers and devices and run a simulated fleet against the broker.</summary>
    public bool Demo { get; set; }

    public bool Runs(string role) =>
        Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(role, StringComparer.OrdinalIgnoreCase);
}
