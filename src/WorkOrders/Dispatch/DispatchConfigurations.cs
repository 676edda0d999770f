using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkOrders.Maintenance.Dispatch;

internal sealed class CategoryDispatchSettingConfiguration : IEntityTypeConfiguration<CategoryDispatchSetting>
{
    public void Configure(EntityTypeBuilder<CategoryDispatchSetting> builder)
    {
        builder.HasKey(c => c.Category);
        builder.Property(c => c.Category).HasMaxLength(64);
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.RequiredCertification).HasMaxLength(64);
    }
}

internal sealed class AssetTypeRequirementConfiguration : IEntityTypeConfiguration<AssetTypeRequirement>
{
    public void Configure(EntityTypeBuilder<AssetTypeRequirement> builder)
    {
        builder.HasKey(a => a.AssetType);
        builder.Property(a => a.AssetType).HasMaxLength(64);
        builder.Property(a => a.RequiredCertification).HasMaxLength(64);
    }
}
