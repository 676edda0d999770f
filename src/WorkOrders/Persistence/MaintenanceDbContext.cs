using Microsoft.EntityFrameworkCore;
using WorkOrders.Maintenance.DeadLetters;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Dispatch;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.GrainStorage;
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

    public DbSet<EngineerCertification> EngineerCertifications => Set<EngineerCertification>();

    public DbSet<EngineerShift> EngineerShifts => Set<EngineerShift>();

    public DbSet<CategoryDispatchSetting> CategoryDispatchSettings => Set<CategoryDispatchSetting>();

    public DbSet<AssetTypeRequirement> AssetTypeRequirements => Set<AssetTypeRequirement>();

    public DbSet<DispatchSite> DispatchSites => Set<DispatchSite>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DeviceConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerSkillConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderEventConfiguration());
        modelBuilder.ApplyConfiguration(new WorkOrderNumberCounterConfiguration());
        modelBuilder.ApplyConfiguration(new GrainStateRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DeadLetterConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerCertificationConfiguration());
        modelBuilder.ApplyConfiguration(new EngineerShiftConfiguration());
        modelBuilder.ApplyConfiguration(new CategoryDispatchSettingConfiguration());
        modelBuilder.ApplyConfiguration(new AssetTypeRequirementConfiguration());
        modelBuilder.ApplyConfiguration(new DispatchSiteConfiguration());
    }
}
