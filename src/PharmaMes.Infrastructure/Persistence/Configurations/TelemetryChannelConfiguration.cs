using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class TelemetryChannelConfiguration : IEntityTypeConfiguration<TelemetryChannel>
{
    public void Configure(EntityTypeBuilder<TelemetryChannel> builder)
    {
        builder.ToTable("TelemetryChannels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Tag).HasMaxLength(TagName.MaxLength).IsRequired();
        builder.HasIndex(c => new { c.EquipmentId, c.Tag }).IsUnique();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(c => c.EquipmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
