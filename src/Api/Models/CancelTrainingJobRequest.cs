namespace WorkOrders.Api.Models;

/// <summary><c>POST /api/models/training-jobs/{id}/cancel</c>: why (optional; shown in the job's stage).</summary>
public sealed record CancelTrainingJobRequest(string? Reason);
