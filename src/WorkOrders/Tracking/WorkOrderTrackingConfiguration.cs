using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Tracking;

/// <summary>Maps <see cref="WorkOrder.TrackingToken"/>: unique, so a link can only ever find one order.</summary>
internal sealed class WorkOrderTrackingConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Property(w => w.TrackingToken).HasMaxLength(TrackingTokens.Length);
        builder.HasIndex(w => w.TrackingToken).IsUnique();
    }
}
