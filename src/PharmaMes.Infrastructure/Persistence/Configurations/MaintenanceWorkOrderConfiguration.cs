using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Upkeep;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class MaintenanceWorkOrderConfiguration : IEntityTypeConfiguration<MaintenanceWorkOrder>
{
    public void Configure(EntityTypeBuilder<MaintenanceWorkOrder> builder)
    {
        builder.ToTable("MaintenanceWorkOrders");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Number).HasMaxLength(MaintenanceWorkOrder.NumberMaxLength).IsRequired();
        builder.HasIndex(w => w.Number).IsUnique();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(w => w.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MaintenancePlan>().WithMany().HasForeignKey(w => w.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.EquipmentCode).HasPlantCode();
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Task).HasMaxLength(MaintenanceWorkOrder.TextMaxLength).IsRequired();
        builder.Property(w => w.Cause).HasMaxLength(MaintenanceWorkOrder.TextMaxLength);
        builder.Property(w => w.RaisedByName).HasMaxLength(MaintenanceWorkOrder.NameMaxLength).IsRequired();
        builder.Property(w => w.AssignedToName).HasMaxLength(MaintenanceWorkOrder.NameMaxLength);
        builder.Property(w => w.StartedByName).HasMaxLength(MaintenanceWorkOrder.NameMaxLength);
        builder.Property(w => w.CompletedByName).HasMaxLength(MaintenanceWorkOrder.NameMaxLength);
        builder.Property(w => w.WorkDone).HasMaxLength(MaintenanceWorkOrder.TextMaxLength);
        builder.Property(w => w.PartsUsed).HasMaxLength(MaintenanceWorkOrder.TextMaxLength);
        builder.Property(w => w.ReleasedByName).HasMaxLength(MaintenanceWorkOrder.NameMaxLength);
        builder.Property(w => w.CancelledByName).HasMaxLength(MaintenanceWorkOrder.NameMaxLength);
        builder.Property(w => w.CancelReason).HasMaxLength(MaintenanceWorkOrder.TextMaxLength);
        builder.Ignore(w => w.IsOpen);
        builder.HasIndex(w => new { w.EquipmentId, w.RaisedAt });
        builder.HasIndex(w => w.Status);
    }
}
