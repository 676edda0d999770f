using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Sla;

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendar>
{
    public void Configure(EntityTypeBuilder<SlaCalendar> builder)
    {
        builder.ToTable("SlaCalendars");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(Lengths.Id);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.Property(c => c.TimeZone).HasMaxLength(Lengths.Id);
        builder.Property(c => c.HoursJson).HasMaxLength(Lengths.Description);
        builder.Property(c => c.HolidaysJson).HasMaxLength(Lengths.Description);
        builder.Ignore(c => c.Hours);
        builder.Ignore(c => c.Holidays);
    }
}
