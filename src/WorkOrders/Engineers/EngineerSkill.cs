namespace WorkOrders.Maintenance.Engineers;

/// <summary>An asset type an engineer is qualified for, at a level from 1 (novice) to 5 (expert).</summary>
public sealed class EngineerSkill
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    public required string EngineerId { get; set; }

    public required string AssetType { get; set; }

    public int Level { get; set; }
}
