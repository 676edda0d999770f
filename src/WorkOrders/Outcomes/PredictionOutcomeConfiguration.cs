using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Outcomes;

internal sealed class PredictionOutcomeConfiguration : IEntityTypeConfiguration<PredictionOutcome>
{
    public void Configure(EntityTypeBuilder<PredictionOutcome> builder)
    {
        builder.HasKey(o => o.WorkOrderId);
        builder.Property(o => o.WorkOrderNumber).HasMaxLength(32);
        builder.Property(o => o.DeviceId).HasMaxLength(64);
        builder.Property(o => o.AssetType).HasMaxLength(64);
        builder.Property(o => o.ModelVersion).HasMaxLength(100);
        builder.Property(o => o.Finding).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.FailureMode).HasMaxLength(OutcomeRules.FailureModeLength);
        builder.Property(o => o.Note).HasMaxLength(OutcomeRules.NoteLength);
        builder.Property(o => o.RecordedBy).HasMaxLength(128);
        builder.HasIndex(o => o.ModelVersion);
        builder.HasIndex(o => new { o.AssetType, o.EpisodeStart });
        builder.HasOne<WorkOrder>().WithOne().HasForeignKey<PredictionOutcome>(o => o.WorkOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
