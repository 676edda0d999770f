using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Timers;

internal sealed class DurableTimerConfiguration : IEntityTypeConfiguration<DurableTimer>
{
    public void Configure(EntityTypeBuilder<DurableTimer> builder)
    {
        builder.ToTable("DurableTimers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Kind).HasMaxLength(Lengths.Code);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.Property(t => t.LeaseOwner).HasMaxLength(Lengths.Name);
        builder.HasIndex(t => new { t.WorkOrderId, t.Kind }).IsUnique();
        builder.HasIndex(t => new { t.FiredAt, t.DueAt });
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(t => t.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
