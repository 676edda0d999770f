namespace WorkOrders.Maintenance.Engineers;

/// <summary>A field engineer who can be dispatched to work orders.</summary>
public sealed class Engineer
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The site the engineer works from; assignment prefers engineers at the asset's site.</summary>
    public required string Site { get; set; }

    public string? Region { get; set; }

    public double? HomeLatitude { get; set; }

    public double? HomeLongitude { get; set; }

    public bool Active { get; set; } = true;

    public List<EngineerSkill> Skills { get; set; } = [];
}
