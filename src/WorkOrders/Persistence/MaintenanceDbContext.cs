using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.Audit;
using WorkOrders.Maintenance.Catalog;
using WorkOrders.Maintenance.Customers;
using WorkOrders.Maintenance.DeadLetters;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.GrainStorage;
using WorkOrders.Maintenance.Models;
using WorkOrders.Maintenance.Outcomes;
using WorkOrders.Maintenance.Notifications;
using WorkOrders.Maintenance.Notifications.Webhooks;
using WorkOrders.Maintenance.Tracking;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Persistence;

/// <summary>
/// The one model of the maintenance store. Each provider has a derived context with its own migrations:
/// <see cref="PostgresMaintenanceDbContext"/> and <see cref="SqliteMaintenanceDbContext"/>.
/// </summary>
public abstract class MaintenanceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<Engineer> Engineers => Set<Engineer>();

    public DbSet<EngineerSkill> EngineerSkills => Set<EngineerSkill>();

    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();

    public DbSet<WorkOrderEvent> WorkOrderEvents => Set<WorkOrderEvent>();

    public DbSet<WorkOrderNumberCounter> WorkOrderNumberCounters => Set<WorkOrderNumberCounter>();

    public DbSet<GrainStateRecord> GrainStates => Set<GrainStateRecord>();

    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();

    public DbSet<Sla.SlaPolicyRecord> SlaPolicies => Set<Sla.SlaPolicyRecord>();

    public DbSet<Sla.SlaCalendar> SlaCalendars => Set<Sla.SlaCalendar>();

    public DbSet<Escalation.EscalationLadder> EscalationLadders => Set<Escalation.EscalationLadder>();

    public DbSet<Timers.DurableTimer> DurableTimers => Set<Timers.DurableTimer>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<TemplateField> TemplateFields => Set<TemplateField>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<Models.Training.TrainingJob> TrainingJobs => Set<Models.Training.TrainingJob>();

    public DbSet<PredictionOutcome> PredictionOutcomes => Set<PredictionOutcome>();

    public DbSet<NotificationCursor> NotificationCursors => Set<NotificationCursor>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<EngineerCertification> EngineerCertifications => Set<EngineerCertification>();

    public DbSet<EngineerShift> EngineerShifts => Set<EngineerShift>();

    public DbSet<CategoryDispatchSetting> CategoryDispatchSettings => Set<CategoryDispatchSetting>();

    public DbSet<AssetTypeRequirement> AssetTypeRequirements => Set<AssetTypeRequirement>();


    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DeviceConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerSkillConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderEventConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderEventAuditConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderNumberCounterConfiguration());
        modelBuilder.ApplyConfiguration(new GrainStateRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DeadLetterConfiguration());
        modelBuilder.ApplyConfiguration(new Sla.SlaPolicyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new Sla.SlaCalendarConfiguration());
        modelBuilder.ApplyConfiguration(new Escalation.EscalationLadderConfiguration());
        modelBuilder.ApplyConfiguration(new Timers.DurableTimerConfiguration());
        modelBuilder.ApplyConfiguration(new CategoryConfiguration());
        modelBuilder.ApplyConfiguration(new TemplateFieldConfiguration());
        modelBuilder.ApplyConfiguration(new CustomerConfiguration());
        modelBuilder.ApplyConfiguration(new SiteConfiguration());
        modelBuilder.ApplyConfiguration(new Intake.WorkOrderIntakeConfiguration());
        modelBuilder.ApplyConfiguration(new ModelVersionConfiguration());
        modelBuilder.ApplyConfiguration(new Models.Training.TrainingJobConfiguration());
        modelBuilder.ApplyConfiguration(new PredictionOutcomeConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationCursorConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookSubscriptionConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new WebhookAttemptConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderTrackingConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerCertificationConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerShiftConfiguration());
        modelBuilder.ApplyConfiguration(new CategoryDispatchSettingConfiguration());
        modelBuilder.ApplyConfiguration(new AssetTypeRequirementConfiguration());
    }

    /// <summary>Every added <see cref="WorkOrderEvent"/> is sequenced and hash-chained (<see cref="AuditChain"/>).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        AuditChain.Save(this, () => base.SaveChanges(acceptAllChangesOnSuccess));

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditChain.SaveAsync(this, token => base.SaveChangesAsync(acceptAllChangesOnSuccess, token), cancellationToken);
}
