using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>An SLA policy as the API shows it; a null <see cref="CalendarId"/> means 24/7.</summary>
public sealed record SlaPolicyView(
    string Id, WorkOrderPriority Priority, string CustomerTier, TimeSpan Response, TimeSpan Arrival, TimeSpan Resolution,
    string? CalendarId, IReadOnlyList<WorkOrderStatus> PauseStatuses, double WarningFraction, TimeSpan? StallAfter,
    string? EscalationLadderId)
{
    public static SlaPolicyView From(SlaPolicyRecord p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Priority, p.CustomerTier, p.Response, p.Arrival, p.Resolution, p.CalendarId, p.PausedIn,
            p.WarningFraction, p.StallAfter, p.EscalationLadderId);
    }
}

/// <summary>A PUT body for a policy; absent optional fields take the defaults (standard tier, 24/7, pause in WaitingForParts, warn at 0.75).</summary>
public sealed record SlaPolicyRequest(
    string? Priority, string? CustomerTier, TimeSpan? Response, TimeSpan? Arrival, TimeSpan? Resolution, string? CalendarId,
    IReadOnlyList<string>? PauseStatuses, double? WarningFraction, TimeSpan? StallAfter, string? EscalationLadderId);

/// <summary>A business-hours calendar as the API shows it and takes it.</summary>
public sealed record SlaCalendarView(
    string Id, string Name, string TimeZone, IReadOnlyList<BusinessHours> Hours, IReadOnlyList<DateOnly> Holidays)
{
    public static SlaCalendarView From(SlaCalendar c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Name, c.TimeZone, c.Hours, c.Holidays);
    }
}

public sealed record SlaCalendarRequest(string? Name, string? TimeZone, IReadOnlyList<BusinessHours>? Hours, IReadOnlyList<DateOnly>? Holidays);

/// <summary>An escalation ladder as the API shows it and takes it.</summary>
public sealed record EscalationLadderView(
    string Id, string Name, string? TeamLeadId, string? ManagerId, TimeSpan TeamLeadAfter, TimeSpan ManagerAfter)
{
    public static EscalationLadderView From(EscalationLadder l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.Name, l.TeamLeadId, l.ManagerId, l.TeamLeadAfter, l.ManagerAfter);
    }
}

public sealed record EscalationLadderRequest(string? Name, string? TeamLeadId, string? ManagerId, TimeSpan? TeamLeadAfter, TimeSpan? ManagerAfter);

/// <summary>The outcome of a PUT: the saved row, or errors per field, or a conflict with the reason.</summary>
public sealed record SlaSaveResult<T>(T? Value, bool Created, IDictionary<string, string[]> Errors, string? Conflict = null)
    where T : class;

/// <summary>An order's SLA clocks and timers, for the UI.</summary>
public sealed record SlaClockView(
    string Number, string? SlaPolicyId, string? CustomerTier, DateTimeOffset? ResponseDueAt, DateTimeOffset? ArrivalDueAt,
    DateTimeOffset? ResolutionDueAt, DateTimeOffset? PausedSince, TimeSpan PausedFor, int EscalationLevel,
    IReadOnlyList<SlaTimerView> Timers);

public sealed record SlaTimerView(string Kind, DateTimeOffset DueAt, DateTimeOffset? FiredAt, int Attempts);
