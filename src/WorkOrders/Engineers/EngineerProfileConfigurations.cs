using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkOrders.Maintenance.Engineers;

internal sealed class EngineerCertificationConfiguration : IEntityTypeConfiguration<EngineerCertification>
{
    public void Configure(EntityTypeBuilder<EngineerCertification> builder)
    {
        builder.HasKey(c => new { c.EngineerId, c.Code });
        builder.Property(c => c.EngineerId).HasMaxLength(64);
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.HasOne<Engineer>().WithMany(e => e.Certifications).HasForeignKey(c => c.EngineerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EngineerShiftConfiguration : IEntityTypeConfiguration<EngineerShift>
{
    public void Configure(EntityTypeBuilder<EngineerShift> builder)
    {
        builder.HasKey(s => new { s.EngineerId, s.Day, s.StartMinute });
        builder.Property(s => s.EngineerId).HasMaxLength(64);
        builder.HasOne<Engineer>().WithMany(e => e.Shifts).HasForeignKey(s => s.EngineerId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_EngineerShifts_Minutes", $"\"StartMinute\" >= 0 AND \"EndMinute\" <= {EngineerShift.MinutesPerDay} AND \"StartMinute\" < \"EndMinute\""));
    }
}
