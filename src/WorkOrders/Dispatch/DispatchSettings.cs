namespace WorkOrders.Maintenance.Dispatch;

/// <summary>How orders of one category (its code, e.g. <c>Repair</c>) are dispatched, and the certificate they need.</summary>
public sealed class CategoryDispatchSetting
{
    public required string Category { get; set; }

    public DispatchMode Mode { get; set; }

    /// <summary>A certificate code every engineer must hold, unexpired, to take orders of this category.</summary>
    public string? RequiredCertification { get; set; }
}

/// <summary>What an engineer needs for an asset type: a minimum skill level and, optionally, a certificate.</summary>
public sealed class AssetTypeRequirement
{
    public required string AssetType { get; set; }

    public int MinSkillLevel { get; set; } = 1;

    public string? RequiredCertification { get; set; }
}
