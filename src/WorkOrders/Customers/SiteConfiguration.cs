using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Customers;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(Lengths.Id);
        builder.Property(s => s.Name).HasMaxLength(Lengths.Name);
        builder.Property(s => s.Address).HasMaxLength(Lengths.Text);
        builder.Property(s => s.Region).HasMaxLength(Lengths.Id);
        builder.Property(s => s.CustomerId).HasMaxLength(Lengths.Id);
        builder.Property(s => s.ContactName).HasMaxLength(Lengths.Name);
        builder.Property(s => s.ContactPhone).HasMaxLength(Lengths.Code);
        builder.Property(s => s.ContactEmail).HasMaxLength(Lengths.Text);
        builder.HasIndex(s => s.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
