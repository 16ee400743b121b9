using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ProductionCountConfiguration : IEntityTypeConfiguration<ProductionCount>
{
    public void Configure(EntityTypeBuilder<ProductionCount> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(c => c.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        // Covers the running totals: OEE reads the totals at an instant with one seek, never the table.
        builder.HasIndex(c => new { c.EquipmentId, c.At, c.TotalGood, c.TotalReject });
    }
}
