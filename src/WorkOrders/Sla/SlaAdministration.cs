using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.Validation;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>Lists and saves SLA policies, calendars and escalation ladders (the data behind <c>/api/sla</c>).</summary>
public sealed class SlaAdministration(IDbContextFactory<MaintenanceDbContext> contexts)
{
    private const int IdLength = 64;

    public async Task<IReadOnlyList<SlaPolicyView>> PoliciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(p => p.CustomerTier, StringComparer.Ordinal).ThenByDescending(p => p.Priority).Select(SlaPolicyView.From)];
    }

    public async Task<SlaPolicyView?> PolicyAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } p ? SlaPolicyView.From(p) : null;
    }

    public async Task<SlaSaveResult<SlaPolicyView>> SavePolicyAsync(string id, SlaPolicyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        CheckId(errors, id);
        var priority = errors.Enum<WorkOrderPriority>("priority", request.Priority, required: true);
        var tier = errors.Text("customerTier", request.CustomerTier, IdLength, required: false) ?? SlaPolicyRecord.StandardTier;
        Positive(errors, "response", request.Response, required: true);
        Positive(errors, "resolution", request.Resolution, required: true);
        Positive(errors, "stallAfter", request.StallAfter, required: false);
        var arrival = request.Arrival ?? request.Resolution;
        if (request.Response is { } r && request.Resolution is { } s)
        {
            if (s < r)
            {
                errors.Add("resolution", $"resolution ({s}) must not be shorter than response ({r}).");
            }
            else if (arrival < r || arrival > s)
            {
                errors.Add("arrival", $"arrival ({arrival}) must lie between response ({r}) and resolution ({s}).");
            }
        }

        var fraction = request.WarningFraction ?? 0.75;
        if (!(fraction is > 0 and <= 1))
        {
            errors.Add("warningFraction", $"warningFraction must be above 0 and at most 1 (it is {fraction}); 1 means no warning.");
        }

        var pauses = new List<WorkOrderStatus>();
        foreach (var name in request.PauseStatuses ?? [nameof(WorkOrderStatus.WaitingForParts)])
        {
            if (errors.Enum<WorkOrderStatus>("pauseStatuses", name, required: true) is { } status)
            {
                pauses.Add(status);
            }
        }

        await using var db = contexts.CreateDbContext();
        var calendarId = Blank(request.CalendarId);
        if (calendarId is not null && !await db.SlaCalendars.AnyAsync(c => c.Id == calendarId, cancellationToken))
        {
            errors.Add("calendarId", $"calendarId '{calendarId}' is not a calendar; create it under /api/sla/calendars or leave it out for 24/7.");
        }

        var ladderId = Blank(request.EscalationLadderId);
        if (ladderId is not null && !await db.EscalationLadders.AnyAsync(l => l.Id == ladderId, cancellationToken))
        {
            errors.Add("escalationLadderId", $"escalationLadderId '{ladderId}' is not an escalation ladder.");
        }

        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        if (await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Priority == priority && p.CustomerTier == tier && p.Id != id, cancellationToken) is { } other)
        {
            return new(null, false, errors.ToDictionary(), $"Policy '{other.Id}' already covers {priority} orders of tier '{tier}'; change that one instead.");
        }

        var row = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var created = row is null;
        row ??= db.SlaPolicies.Add(new SlaPolicyRecord { Id = id }).Entity;
        row.Priority = priority!.Value;
        row.CustomerTier = tier;
        row.Response = request.Response!.Value;
        row.Arrival = arrival!.Value;
        row.Resolution = request.Resolution!.Value;
        row.CalendarId = calendarId;
        row.PauseStatuses = SlaJson.Statuses(pauses);
        row.WarningFraction = fraction;
        row.StallAfter = request.StallAfter;
        row.EscalationLadderId = ladderId;
        return await SaveAsync(db, SlaPolicyView.From(row), created, errors, cancellationToken);
    }

    public async Task<IReadOnlyList<SlaCalendarView>> CalendarsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.SlaCalendars.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(SlaCalendarView.From)];
    }

    public async Task<SlaCalendarView?> CalendarAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.SlaCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } c ? SlaCalendarView.From(c) : null;
    }

    public async Task<SlaSaveResult<SlaCalendarView>> SaveCalendarAsync(string id, SlaCalendarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        CheckId(errors, id);
        var name = errors.Text("name", request.Name, 128, required: true);
        var zone = errors.Text("timeZone", request.TimeZone, IdLength, required: true);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add("timeZone", $"timeZone '{zone}' is not a known time zone; use an IANA name such as Europe/Stockholm.");
        }

        var hours = request.Hours ?? [];
        if (hours.Count == 0)
        {
            errors.Add("hours", "hours needs at least one open period, e.g. {\"day\":\"Monday\",\"start\":\"08:00:00\",\"end\":\"17:00:00\"}.");
        }

        foreach (var h in hours.Where(h => h.Start < TimeSpan.Zero || h.End > TimeSpan.FromDays(1) || h.End <= h.Start))
        {
            errors.Add("hours", $"{h.Day} {h.Start}-{h.End}: a period lies within 00:00..1.00:00:00 and ends after it starts (split overnight shifts at midnight).");
        }

        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        await using var db = contexts.CreateDbContext();
        var row = await db.SlaCalendars.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var created = row is null;
        row ??= db.SlaCalendars.Add(new SlaCalendar { Id = id, Name = name!, TimeZone = zone! }).Entity;
        row.Name = name!;
        row.TimeZone = zone!;
        row.HoursJson = SlaJson.Hours(hours);
        row.HolidaysJson = SlaJson.Holidays((request.Holidays ?? []).Distinct());
        return await SaveAsync(db, SlaCalendarView.From(row), created, errors, cancellationToken);
    }

    public async Task<IReadOnlyList<EscalationLadderView>> LaddersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.EscalationLadders.AsNoTracking().OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(EscalationLadderView.From)];
    }

    public async Task<SlaSaveResult<EscalationLadderView>> SaveLadderAsync(string id, EscalationLadderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        CheckId(errors, id);
        var name = errors.Text("name", request.Name, 128, required: true);
        Positive(errors, "teamLeadAfter", request.TeamLeadAfter, required: false);
        Positive(errors, "managerAfter", request.ManagerAfter, required: false);
        await using var db = contexts.CreateDbContext();
        var teamLead = Blank(request.TeamLeadId);
        var manager = Blank(request.ManagerId);
        foreach (var (field, engineerId) in new[] { ("teamLeadId", teamLead), ("managerId", manager) })
        {
            if (engineerId is not null && !await db.Engineers.AnyAsync(e => e.Id == engineerId, cancellationToken))
            {
                errors.Add(field, $"{field} '{engineerId}' is not an engineer.");
            }
        }

        if (!errors.IsEmpty)
        {
            return new(null, false, errors.ToDictionary());
        }

        var row = await db.EscalationLadders.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        var created = row is null;
        row ??= db.EscalationLadders.Add(new EscalationLadder { Id = id, Name = name! }).Entity;
        row.Name = name!;
        row.TeamLeadId = teamLead;
        row.ManagerId = manager;
        row.TeamLeadAfter = request.TeamLeadAfter ?? TimeSpan.FromHours(1);
        row.ManagerAfter = request.ManagerAfter ?? TimeSpan.FromHours(2);
        return await SaveAsync(db, EscalationLadderView.From(row), created, errors, cancellationToken);
    }

    /// <summary>An order's SLA clocks and timers, or null if there is no such order.</summary>
    public async Task<SlaClockView?> ClockAsync(string idOrNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        await using var db = contexts.CreateDbContext();
        var number = idOrNumber.Trim().ToUpperInvariant();
        var order = Guid.TryParse(idOrNumber, out var guid)
            ? await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Id == guid, cancellationToken)
            : await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var timers = await db.DurableTimers.AsNoTracking().Where(t => t.WorkOrderId == order.Id).ToListAsync(cancellationToken);
        return new SlaClockView(
            order.Number, order.SlaPolicyId, order.CustomerTier, order.ResponseDueAt, order.ArrivalDueAt, order.ResolutionDueAt,
            order.SlaPausedSince, order.SlaPausedFor, order.EscalationLevel,
            [.. timers.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Select(t => new SlaTimerView(t.Kind, t.DueAt, t.FiredAt, t.Attempts))]);
    }

    private static async Task<SlaSaveResult<T>> SaveAsync<T>(
        MaintenanceDbContext db, T view, bool created, ValidationErrors errors, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(view, created, errors.ToDictionary());
        }
        catch (DbUpdateException)
        {
            return new(null, false, errors.ToDictionary(), "Another change to the same row or key was saved first; reload and try again.");
        }
    }

    private static void CheckId(ValidationErrors errors, string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > IdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("id", "id must be 1 to 64 characters of A-Z, a-z, 0-9, '-', '_' or '.'.");
        }
    }

    private static void Positive(ValidationErrors errors, string field, TimeSpan? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, $"{field} is required: a duration such as 04:00:00 or 3.00:00:00.");
            }
        }
        else if (value <= TimeSpan.Zero)
        {
            errors.Add(field, $"{field} must be a positive duration (it is {value}).");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
