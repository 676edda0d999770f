using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Catalog;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(Lengths.Code);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.Property(c => c.Description).HasMaxLength(Lengths.Text);
        builder.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.CategoryCode).OnDelete(DeleteBehavior.Cascade);
    }
}
