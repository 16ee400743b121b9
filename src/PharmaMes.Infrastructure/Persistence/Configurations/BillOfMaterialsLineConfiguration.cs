using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class BillOfMaterialsLineConfiguration : IEntityTypeConfiguration<BillOfMaterialsLine>
{
    public void Configure(EntityTypeBuilder<BillOfMaterialsLine> builder)
    {
        builder.ToTable("RecipeBillOfMaterials");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.MaterialCode).HasMaterialCode();
        builder.HasIndex(l => new { l.RecipeId, l.MaterialCode }).IsUnique();
        builder.HasQuantity(l => l.Quantity, "Quantity");
        builder.Property(l => l.TolerancePercentBelow).HasPrecision(9, 4);
        builder.Property(l => l.TolerancePercentAbove).HasPrecision(9, 4);
    }
}
