using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Audit;

/// <summary>The audit columns of <see cref="WorkOrderEvent"/>; applied after the event's base mapping.</summary>
internal sealed class WorkOrderEventAuditConfiguration : IEntityTypeConfiguration<WorkOrderEvent>
{
    private const int HashLength = 64;

    public void Configure(EntityTypeBuilder<WorkOrderEvent> builder)
    {
        builder.Property(e => e.ActorRole).HasMaxLength(32);
        builder.Property(e => e.PreviousHash).HasMaxLength(HashLength);
        builder.Property(e => e.Hash).HasMaxLength(HashLength);
        builder.HasIndex(e => new { e.WorkOrderId, e.Sequence }).IsUnique().HasDatabaseName(AuditChain.SequenceIndex);
    }
}
