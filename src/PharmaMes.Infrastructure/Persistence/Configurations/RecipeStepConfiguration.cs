using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class RecipeStepConfiguration : IEntityTypeConfiguration<RecipeStep>
{
    public void Configure(EntityTypeBuilder<RecipeStep> builder)
    {
        builder.ToTable("RecipeSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.RecipeId, s.Number });
        builder.Property(s => s.Name).HasMaxLength(RecipeStep.NameMaxLength).IsRequired();
        builder.Property(s => s.Instructions).HasMaxLength(RecipeStep.InstructionsMaxLength).IsRequired();
        builder.Property(s => s.RequiredEquipmentClass).HasConversion<string>().HasMaxLength(40);
        builder.HasMany(s => s.Parameters).WithOne().HasForeignKey(p => p.RecipeStepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Checks).WithOne().HasForeignKey(c => c.RecipeStepId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Parameters).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Checks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.Label);
    }
}
