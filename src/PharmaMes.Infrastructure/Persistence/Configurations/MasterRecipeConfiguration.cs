using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class MasterRecipeConfiguration : IEntityTypeConfiguration<MasterRecipe>
{
    public void Configure(EntityTypeBuilder<MasterRecipe> builder)
    {
        builder.ToTable("MasterRecipes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ProductCode).HasMaterialCode();
        builder.HasIndex(r => new { r.ProductCode, r.Version }).IsUnique();
        builder.Property(r => r.ProductName).HasMaxLength(MasterRecipe.ProductNameMaxLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasQuantity(r => r.StandardBatchSize, "StandardBatchSize");
        builder.Property(r => r.Description).HasMaxLength(MasterRecipe.DescriptionMaxLength);
        builder.Property(r => r.AuthorName).HasMaxLength(MasterRecipe.AuthorNameMaxLength).IsRequired();
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RecipeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.BillOfMaterials).WithOne().HasForeignKey(l => l.RecipeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.BillOfMaterials).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.Label);
    }
}
