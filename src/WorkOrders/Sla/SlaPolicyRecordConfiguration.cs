using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Sla;

internal sealed class SlaPolicyRecordConfiguration : IEntityTypeConfiguration<SlaPolicyRecord>
{
    public void Configure(EntityTypeBuilder<SlaPolicyRecord> builder)
    {
        builder.ToTable("SlaPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(Lengths.Id);
        builder.Property(p => p.Priority).HasConversion<string>().HasMaxLength(Lengths.Code);
        builder.Property(p => p.CustomerTier).HasMaxLength(Lengths.Id);
        builder.Property(p => p.CalendarId).HasMaxLength(Lengths.Id);
        builder.Property(p => p.PauseStatuses).HasMaxLength(Lengths.Text);
        builder.Property(p => p.EscalationLadderId).HasMaxLength(Lengths.Id);
        builder.Ignore(p => p.PausedIn);
        builder.HasIndex(p => new { p.Priority, p.CustomerTier }).IsUnique();
        builder.HasOne<SlaCalendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Escalation.EscalationLadder>().WithMany().HasForeignKey(p => p.EscalationLadderId).OnDelete(DeleteBehavior.Restrict);
    }
}
