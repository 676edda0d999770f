using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(Lengths.Id);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.Property(c => c.Tier).HasMaxLength(Lengths.Code);
        builder.Property(c => c.ContactName).HasMaxLength(Lengths.Name);
        builder.Property(c => c.ContactPhone).HasMaxLength(Lengths.Code);
        builder.Property(c => c.ContactEmail).HasMaxLength(Lengths.Text);
    }
}
