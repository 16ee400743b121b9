using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Code)
            .HasConversion(v => v.Value, v => new MaterialCode(v))
            .HasMaxLength(MaterialCode.MaxLength);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(Material.NameMaxLength).IsRequired();
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Unit).HasUnitOfMeasure();
        builder.Property(m => m.ReorderPoint).HasPrecision(18, 6);
        builder.Property(m => m.SafetyStock).HasPrecision(18, 6);
        builder.Property(m => m.StorageCondition).HasMaxLength(Material.StorageConditionMaxLength);
    }
}
