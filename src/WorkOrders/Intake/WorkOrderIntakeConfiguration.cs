using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;
using WorkOrders.Maintenance.WorkOrders;

namespace WorkOrders.Maintenance.Intake;

/// <summary>The intake columns of <see cref="WorkOrder"/>, beside <c>WorkOrderConfiguration</c>.</summary>
internal sealed class WorkOrderIntakeConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Property(w => w.CustomerId).HasMaxLength(Lengths.Id);
        builder.Property(w => w.CustomerTier).HasMaxLength(Lengths.Code);
        builder.Property(w => w.ContactName).HasMaxLength(Lengths.Name);
        builder.Property(w => w.ContactPhone).HasMaxLength(Lengths.Code);
        builder.Property(w => w.ContactEmail).HasMaxLength(Lengths.Text);
        builder.Property(w => w.TemplateFieldsJson).HasMaxLength(Lengths.Description);
        builder.HasIndex(w => w.DuplicateOfId);
        builder.HasIndex(w => w.CustomerId);
    }
}
