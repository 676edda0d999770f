using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Maintenance.Persistence;

namespace WorkOrders.Maintenance.Escalation;

internal sealed class EscalationLadderConfiguration : IEntityTypeConfiguration<EscalationLadder>
{
    public void Configure(EntityTypeBuilder<EscalationLadder> builder)
    {
        builder.ToTable("EscalationLadders");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(Lengths.Id);
        builder.Property(l => l.Name).HasMaxLength(Lengths.Name);
        builder.Property(l => l.TeamLeadId).HasMaxLength(Lengths.Id);
        builder.Property(l => l.ManagerId).HasMaxLength(Lengths.Id);
    }
}
