using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Catalog;

internal sealed class TemplateFieldConfiguration : IEntityTypeConfiguration<TemplateField>
{
    public void Configure(EntityTypeBuilder<TemplateField> builder)
    {
        builder.ToTable("TemplateFields");
        builder.HasKey(f => new { f.CategoryCode, f.Name });
        builder.Property(f => f.CategoryCode).HasMaxLength(Lengths.Code);
        builder.Property(f => f.Name).HasMaxLength(Lengths.Id);
        builder.Property(f => f.Label).HasMaxLength(Lengths.Name);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(Lengths.Code);
    }
}
