namespace WorkOrders.Benchmarks.Quality;

/// <summary>One episode a detector version opened on one device; <see cref="ClosedAt"/> is null while it was still open at the end.</summary>
internal sealed record EpisodeSpan(DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? Explanation)
{
    public bool OpenAt(DateTimeOffset time) => OpenedAt <= time && (ClosedAt is not { } closed || closed > time);

    public bool OverlapsFrom(DateTimeOffset time) => ClosedAt is not { } closed || closed >= time;
}
