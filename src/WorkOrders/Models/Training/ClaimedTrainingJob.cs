namespace WorkOrders.Maintenance.Models.Training;

/// <summary>A job this node claimed: what to train, and the claim (<see cref="Owner"/>, <see cref="Attempt"/>) every write checks.</summary>
public sealed record ClaimedTrainingJob(Guid Id, string AssetType, DateTimeOffset From, DateTimeOffset To, string Owner, int Attempt);
