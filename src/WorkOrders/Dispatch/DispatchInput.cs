using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Dispatch;

/// <summary>What the rules and the score need to know about an order.</summary>
public sealed record DispatchOrder(
    string? AssetType,
    string? Site,
    string? Region,
    WorkOrderPriority Priority,
    double? Latitude,
    double? Longitude,
    DateTimeOffset? ResponseDueAt,
    string? PreferredEngineerId,
    int MinSkillLevel,
    IReadOnlyList<string> RequiredCertifications);

/// <summary>
/// An engineer (skills, certifications and shifts loaded), the orders they hold now, and their record on the asset
/// type: completed jobs and how many were fixed first time (no waiting for parts, no rework).
/// </summary>
public sealed record EngineerFacts(Engineer Engineer, int OpenWorkOrders, int CompletedJobs, int FixedFirstTime);
