using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class LotBalanceConfiguration : IEntityTypeConfiguration<LotBalance>
{
    public void Configure(EntityTypeBuilder<LotBalance> builder)
    {
        builder.HasKey(b => b.LotId);
        builder.Property(b => b.LotId).ValueGeneratedNever();
        builder.HasOne<MaterialLot>().WithOne().HasForeignKey<LotBalance>(b => b.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Material>().WithMany().HasForeignKey(b => b.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.MaterialId);
        builder.Property(b => b.OnHand).HasPrecision(18, 6);
        // Two postings computed from the same version: the second one's UPDATE matches no row.
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}
