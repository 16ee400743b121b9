using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class StateIntervalConfiguration : IEntityTypeConfiguration<StateInterval>
{
    public void Configure(EntityTypeBuilder<StateInterval> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(s => s.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EquipmentId, s.StartedAt });
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Reason).HasMaxLength(StateInterval.ReasonMaxLength);
        builder.Ignore(s => s.IsOpen);
    }
}
