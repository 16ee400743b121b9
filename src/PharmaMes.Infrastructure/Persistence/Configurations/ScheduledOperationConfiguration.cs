using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Planning;
using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ScheduledOperationConfiguration : IEntityTypeConfiguration<ScheduledOperation>
{
    public void Configure(EntityTypeBuilder<ScheduledOperation> builder)
    {
        builder.ToTable("ScheduledOperations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.OrderNumber).HasMaxLength(OrderNumber.MaxLength).IsRequired();
        builder.Property(o => o.StepName).HasMaxLength(ScheduledOperation.StepNameMaxLength).IsRequired();
        builder.Property(o => o.EquipmentCode).HasMaxLength(Domain.Plant.PlantCode.MaxLength).IsRequired();
        builder.HasIndex(o => new { o.OrderNumber, o.Step }).IsUnique();
        builder.HasIndex(o => new { o.EquipmentCode, o.PlannedStart });
    }
}
