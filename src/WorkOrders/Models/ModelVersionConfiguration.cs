using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkOrders.Maintenance.Models;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.AssetType).HasMaxLength(64);
        builder.HasIndex(m => new { m.AssetType, m.Number }).IsUnique();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.ActivatedBy).HasMaxLength(128);
        builder.Property(m => m.Devices).HasMaxLength(16_000);
        builder.Property(m => m.Concurrency).IsConcurrencyToken();
        builder.Ignore(m => m.Label);

        // At most one active version per asset type, whatever races the API has.
        builder.HasIndex(m => m.AssetType).IsUnique().HasFilter("\"Status\" = 'Active'").HasDatabaseName("IX_ModelVersions_ActivePerAssetType");
    }
}
