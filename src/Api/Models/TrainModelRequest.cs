namespace WorkOrders.Api.Models;

/// <summary><c>POST /api/models/train</c>: queue a job that trains a candidate for <see cref="AssetType"/> from the history in [from, to).</summary>
public sealed record TrainModelRequest(string? AssetType, DateTimeOffset? From, DateTimeOffset? To);
