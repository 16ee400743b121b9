using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class MaintenancePlanConfiguration : IEntityTypeConfiguration<MaintenancePlan>
{
    public void Configure(EntityTypeBuilder<MaintenancePlan> builder)
    {
        builder.ToTable("MaintenancePlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(p => p.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.EquipmentCode).HasPlantCode();
        builder.Property(p => p.Task).HasMaxLength(MaintenancePlan.TaskMaxLength).IsRequired();
        builder.HasIndex(p => new { p.Active, p.NextDueOn });
    }
}
