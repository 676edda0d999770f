using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Maintenance.Escalation;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Sla;

/// <summary>
/// The default SLA data, added to an empty store after migrations: one <c>standard</c>-tier policy per priority
/// with the targets of <see cref="SlaOptions"/> on 24/7, the <c>default</c> escalation ladder, and an
/// <c>office-hours</c> calendar (Mon–Fri 08:00–17:00 Europe/Stockholm) for policies to use. Never changes existing rows.
/// </summary>
public sealed class SlaSeed(IDbContextFactory<MaintenanceDbContext> contexts, SlaCatalog catalog, ILogger<SlaSeed> logger)
{
    public const string OfficeHoursCalendarId = "office-hours";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var (policies, calendars, ladders) = (0, 0, 0);
        if (!await db.EscalationLadders.AnyAsync(cancellationToken))
        {
            db.EscalationLadders.Add(new EscalationLadder { Id = EscalationLadder.DefaultId, Name = "Assignee, team lead, manager" });
            ladders++;
        }

        if (!await db.SlaCalendars.AnyAsync(cancellationToken))
        {
            db.SlaCalendars.Add(new SlaCalendar
            {
                Id = OfficeHoursCalendarId,
                Name = "Office hours, Stockholm",
                TimeZone = "Europe/Stockholm",
                HoursJson = SlaJson.Hours(
                    [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                        .Select(d => new BusinessHours(d, TimeSpan.FromHours(8), TimeSpan.FromHours(17)))]),
                HolidaysJson = SlaJson.Holidays([new(2026, 12, 24), new(2026, 12, 25), new(2026, 12, 31), new(2027, 1, 1)]),
            });
            calendars++;
        }

        if (!await db.SlaPolicies.AnyAsync(cancellationToken))
        {
            foreach (var priority in Enum.GetValues<WorkOrderPriority>())
            {
                db.SlaPolicies.Add(catalog.BuiltIn(priority, $"standard-{PriorityName(priority)}"));
                policies++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Seeded concurrently by another instance: its rows are the same.
        }

        logger.SlaSeeded(policies, calendars, ladders);
    }

    private static string PriorityName(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Urgent => "urgent",
        WorkOrderPriority.High => "high",
        WorkOrderPriority.Medium => "medium",
        _ => "low",
    };
}
