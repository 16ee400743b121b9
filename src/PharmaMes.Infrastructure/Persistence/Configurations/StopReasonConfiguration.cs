using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Performance;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class StopReasonConfiguration : IEntityTypeConfiguration<StopReason>
{
    public void Configure(EntityTypeBuilder<StopReason> builder)
    {
        builder.ToTable("StopReasons");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(StopReason.ReasonMaxLength).IsRequired();
        builder.Property(r => r.AssignedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(r => r.StateIntervalId);
        builder.HasIndex(r => new { r.EquipmentId, r.AssignedAt });
    }
}
