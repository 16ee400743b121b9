using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class BatchStepMaterialConfiguration : IEntityTypeConfiguration<BatchStepMaterial>
{
    public void Configure(EntityTypeBuilder<BatchStepMaterial> builder)
    {
        builder.ToTable("BatchStepMaterials");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MaterialCode).HasMaterialCode();
        builder.HasQuantity(m => m.TargetQuantity, "Target");
        builder.Property(m => m.TolerancePercentBelow).HasPrecision(9, 4);
        builder.Property(m => m.TolerancePercentAbove).HasPrecision(9, 4);
        builder.Property(m => m.DispensedLot).HasConversion(v => v!.Value.Value, v => new LotNumber(v)).HasMaxLength(LotNumber.MaxLength);
        builder.Property(m => m.DispensedAmount).HasPrecision(18, 6);
        builder.Property(m => m.ReturnedAmount).HasPrecision(18, 6);
        builder.Property(m => m.WastedAmount).HasPrecision(18, 6);
        builder.Property(m => m.DispenseResult).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.Tolerance);
        builder.Ignore(m => m.DispensedQuantity);
        builder.Ignore(m => m.IsDispensed);
    }
}
