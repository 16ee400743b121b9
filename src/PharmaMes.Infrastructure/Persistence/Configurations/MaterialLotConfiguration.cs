using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class MaterialLotConfiguration : IEntityTypeConfiguration<MaterialLot>
{
    public void Configure(EntityTypeBuilder<MaterialLot> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Number)
            .HasConversion(v => v.Value, v => new LotNumber(v))
            .HasMaxLength(LotNumber.MaxLength);
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasOne<Material>().WithMany().HasForeignKey(l => l.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.MaterialId, l.Status });
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.SupplierLot).HasMaxLength(MaterialLot.SupplierLotMaxLength);
        builder.Property(l => l.Location).HasMaxLength(MaterialLot.LocationMaxLength);
        builder.Property(l => l.StatusReason).HasMaxLength(MaterialLot.ReasonMaxLength);
        // Two status changes made from the same version: the second one's UPDATE matches no row.
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
