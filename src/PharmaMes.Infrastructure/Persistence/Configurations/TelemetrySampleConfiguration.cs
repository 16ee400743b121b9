using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class TelemetrySampleConfiguration : IEntityTypeConfiguration<TelemetrySample>
{
    public void Configure(EntityTypeBuilder<TelemetrySample> builder)
    {
        builder.ToTable("TelemetrySamples");
        // The key is the range-read index: (equipment, tag, time).
        builder.HasKey(s => new { s.EquipmentId, s.Tag, s.Time });
        builder.Property(s => s.Tag).HasMaxLength(TagName.MaxLength);
        builder.HasOne<Equipment>().WithMany().HasForeignKey(s => s.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        // No index on time alone: each index costs every insert, and retention deletes per
        // (equipment, tag) prefix of the key.
    }
}
