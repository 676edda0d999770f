using System.ComponentModel.DataAnnotations;

namespace WorkOrders.Api.Models;

/// <summary>Section <c>Models</c>: how often a silo looks for a newly activated (or rolled back) version.</summary>
public sealed class ModelLifecycleOptions
{
    public const string Section = "Models";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
