namespace WorkOrders.Api.Orleans;

/// <summary>
/// One grain-state write waiting for its group commit: the row's key, the ETag it must still have (null: the row must
/// not exist yet), and what to write.
/// </summary>
internal sealed record GrainStateWrite(
    string GrainType, string GrainId, string? ExpectedETag, string NewETag, string Payload, DateTimeOffset UpdatedAt)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the write is committed; faults with the reason it was not.</summary>
    public Task Done => _done.Task;

    public void Committed() => _done.TrySetResult();

    public void Failed(Exception exception) => _done.TrySetException(exception);
}
