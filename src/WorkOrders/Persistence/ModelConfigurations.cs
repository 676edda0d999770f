using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.DeadLetters;
using WorkOrders.Maintenance.Devices;
using WorkOrders.Maintenance.Engineers;
using WorkOrders.Maintenance.GrainStorage;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Persistence;

// The mapping, shared by both providers. Names are EF's defaults (PascalCase), quoted on PostgreSQL.
internal static class Lengths
{
    public const int Id = 64;
    public const int Code = 32;
    public const int Name = 128;
    public const int Text = 256;
    public const int Title = 200;
    public const int Description = 4000;
    public const int Key = 200;
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.HasKey(d => d.DeviceId);
        builder.Property(d => d.DeviceId).HasMaxLength(DeviceIds.MaxLength);
        builder.Property(d => d.AssetType).HasMaxLength(Lengths.Id);
        builder.Property(d => d.Site).HasMaxLength(Lengths.Id);
        builder.Property(d => d.Location).HasMaxLength(Lengths.Text);
        builder.HasIndex(d => d.Site);
    }
}

internal sealed class EngineerConfiguration : IEntityTypeConfiguration<Engineer>
{
    public void Configure(EntityTypeBuilder<Engineer> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(Lengths.Id);
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Phone).HasMaxLength(Lengths.Code);
        builder.Property(e => e.Email).HasMaxLength(Lengths.Text);
        builder.Property(e => e.Site).HasMaxLength(Lengths.Id);
        builder.Property(e => e.Region).HasMaxLength(Lengths.Id);
        builder.HasMany(e => e.Skills).WithOne().HasForeignKey(s => s.EngineerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EngineerSkillConfiguration : IEntityTypeConfiguration<EngineerSkill>
{
    public void Configure(EntityTypeBuilder<EngineerSkill> builder)
    {
        builder.HasKey(s => new { s.EngineerId, s.AssetType });
        builder.Property(s => s.AssetType).HasMaxLength(Lengths.Id);
        builder.HasIndex(s => s.AssetType);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_EngineerSkills_Level", $"\"Level\" BETWEEN {EngineerSkill.MinLevel} AND {EngineerSkill.MaxLevel}"));
    }
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Number).HasMaxLength(Lengths.Code);
        builder.HasIndex(w => w.Number).IsUnique();
        builder.Property(w => w.Source).HasConversion<string>().HasMaxLength(Lengths.Code);
        builder.Property(w => w.Category).HasMaxLength(Lengths.Code);
        builder.Property(w => w.Priority).HasConversion<string>().HasMaxLength(Lengths.Code);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(Lengths.Code);
        builder.Property(w => w.DeviceId).HasMaxLength(DeviceIds.MaxLength);
        builder.Property(w => w.AssetType).HasMaxLength(Lengths.Id);
        builder.Property(w => w.Site).HasMaxLength(Lengths.Id);
        builder.Property(w => w.Title).HasMaxLength(Lengths.Title);
        builder.Property(w => w.Description).HasMaxLength(Lengths.Description);
        builder.Property(w => w.AssigneeId).HasMaxLength(Lengths.Id);
        builder.Property(w => w.IdempotencyKey).HasMaxLength(Lengths.Key);
        builder.HasIndex(w => w.IdempotencyKey).IsUnique();
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.Status, w.CreatedAt });
        builder.HasIndex(w => w.CreatedAt);
        builder.HasIndex(w => w.DeviceId);
        builder.HasIndex(w => new { w.AssigneeId, w.Status });
        builder.HasOne<Engineer>().WithMany().HasForeignKey(w => w.AssigneeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkOrderEventConfiguration : IEntityTypeConfiguration<WorkOrderEvent>
{
    public void Configure(EntityTypeBuilder<WorkOrderEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Type).HasMaxLength(Lengths.Code);
        builder.Property(e => e.Actor).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Note).HasMaxLength(Lengths.Description);
        builder.HasIndex(e => new { e.WorkOrderId, e.Id });
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(e => e.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkOrderNumberCounterConfiguration : IEntityTypeConfiguration<WorkOrderNumberCounter>
{
    public void Configure(EntityTypeBuilder<WorkOrderNumberCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}

internal sealed class GrainStateRecordConfiguration : IEntityTypeConfiguration<GrainStateRecord>
{
    public void Configure(EntityTypeBuilder<GrainStateRecord> builder)
    {
        builder.ToTable("GrainStates");
        builder.HasKey(g => new { g.GrainType, g.GrainId });
        builder.Property(g => g.GrainType).HasMaxLength(Lengths.Text);
        builder.Property(g => g.GrainId).HasMaxLength(Lengths.Text);
        builder.Property(g => g.ETag).HasMaxLength(Lengths.Name);
    }
}

internal sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Topic).HasMaxLength(DeadLetter.MaxTopicLength);
        builder.Property(d => d.DeviceId).HasMaxLength(DeadLetter.MaxTopicLength);
        builder.Property(d => d.Reason).HasMaxLength(Lengths.Code);
        builder.Property(d => d.Detail).HasMaxLength(DeadLetter.MaxDetailLength);
        builder.HasIndex(d => d.ReceivedAt);
        builder.HasIndex(d => new { d.Reason, d.ReceivedAt });
    }
}
