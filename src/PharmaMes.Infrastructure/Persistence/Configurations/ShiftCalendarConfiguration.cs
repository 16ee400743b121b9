using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ShiftCalendarConfiguration : IEntityTypeConfiguration<ShiftCalendar>
{
    public void Configure(EntityTypeBuilder<ShiftCalendar> builder)
    {
        builder.ToTable("ShiftCalendars");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Scope).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.Scope).IsUnique();
        builder.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
        // A calendar is read and written whole: its shifts, holidays and stops are one JSON document each.
        builder.Property(c => c.Shifts).HasJsonDocument();
        builder.Property(c => c.Holidays).HasJsonDocument();
        builder.Property(c => c.PlannedStops).HasJsonDocument();
    }
}
