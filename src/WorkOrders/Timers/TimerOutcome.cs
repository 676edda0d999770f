namespace WorkOrders.Maintenance.Timers;

/// <summary>What became of a due timer: it fired, it no longer applies (deleted), or it is due later.</summary>
public readonly record struct TimerOutcome(TimerOutcomeKind Kind, DateTimeOffset? DueAt = null)
{
    public static TimerOutcome Fired { get; } = new(TimerOutcomeKind.Fired);

    public static TimerOutcome Stale { get; } = new(TimerOutcomeKind.Stale);

    public static TimerOutcome Later(DateTimeOffset dueAt) => new(TimerOutcomeKind.Later, dueAt);
}

public enum TimerOutcomeKind
{
    Fired,
    Stale,
    Later,
}
