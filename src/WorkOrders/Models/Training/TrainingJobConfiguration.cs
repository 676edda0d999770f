using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkOrders.Maintenance.Models.Training;

internal sealed class TrainingJobConfiguration : IEntityTypeConfiguration<TrainingJob>
{
    public const int MaxStage = 200;
    public const int MaxError = 2000;

    public void Configure(EntityTypeBuilder<TrainingJob> builder)
    {
        builder.ToTable("TrainingJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.AssetType).HasMaxLength(64);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.Stage).HasMaxLength(MaxStage);
        builder.Property(j => j.Error).HasMaxLength(MaxError);
        builder.Property(j => j.LeaseOwner).HasMaxLength(128);
        builder.HasIndex(j => new { j.Status, j.QueuedAt });
        builder.HasIndex(j => new { j.AssetType, j.QueuedAt });

        // At most one unfinished job per asset type, whatever races the API has.
        builder.HasIndex(j => j.AssetType).IsUnique().HasFilter("\"Status\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_TrainingJobs_UnfinishedPerAssetType");
    }
}
