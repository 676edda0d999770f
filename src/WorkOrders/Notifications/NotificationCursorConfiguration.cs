using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkOrders.Maintenance.Notifications;

internal sealed class NotificationCursorConfiguration : IEntityTypeConfiguration<NotificationCursor>
{
    public void Configure(EntityTypeBuilder<NotificationCursor> builder)
    {
        builder.HasKey(c => c.Channel);
        builder.Property(c => c.Channel).HasMaxLength(64);
        builder.Property(c => c.LeaseOwner).HasMaxLength(128);
    }
}
