using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class InProcessCheckConfiguration : IEntityTypeConfiguration<InProcessCheck>
{
    public void Configure(EntityTypeBuilder<InProcessCheck> builder)
    {
        builder.ToTable("RecipeInProcessChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(InProcessCheck.NameMaxLength).IsRequired();
        builder.Property(c => c.Unit).HasUnitOfMeasure();
        builder.HasRange(c => c.Limits, "Limit");
    }
}
