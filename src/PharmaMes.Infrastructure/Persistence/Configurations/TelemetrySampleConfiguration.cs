using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Telemetry;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class TelemetrySampleConfiguration : IEntityTypeConfiguration<TelemetrySample>
{
    public void Configure(EntityTypeBuilder<TelemetrySample> builder)
    {
        builder.ToTable("TelemetrySamples");
        // The key is the range-read index: (channel = equipment and tag, time). No other index:
        // each one costs every insert, and retention deletes along the key per channel.
        builder.HasKey(s => new { s.ChannelId, s.Time });
        builder.HasOne(s => s.Channel).WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}
