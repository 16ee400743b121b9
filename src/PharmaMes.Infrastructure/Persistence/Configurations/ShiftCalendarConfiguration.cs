using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ShiftCalendarConfiguration : IEntityTypeConfiguration<ShiftCalendar>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ShiftCalendar> builder)
    {
        builder.ToTable("ShiftCalendars");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Scope).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.Scope).IsUnique();
        builder.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
        // A calendar is read and written whole: its shifts, holidays and stops are one JSON document each.
        Document(builder.Property(c => c.Shifts));
        Document(builder.Property(c => c.Holidays));
        Document(builder.Property(c => c.PlannedStops));
    }

    private static void Document<T>(PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                    v => v.ToList()))
            .IsRequired();
}
