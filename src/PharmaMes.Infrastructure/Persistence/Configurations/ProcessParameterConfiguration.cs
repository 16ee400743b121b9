using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ProcessParameterConfiguration : IEntityTypeConfiguration<ProcessParameter>
{
    public void Configure(EntityTypeBuilder<ProcessParameter> builder)
    {
        builder.ToTable("RecipeProcessParameters");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ProcessParameter.NameMaxLength).IsRequired();
        builder.Property(p => p.Unit).HasUnitOfMeasure();
        builder.HasRange(p => p.Limits, "Limit");
        builder.Property(p => p.CaptureTag).HasConversion(v => v!.Value.Value, v => new TagName(v)).HasMaxLength(TagName.MaxLength);
        builder.Property(p => p.CaptureMode).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.IsCaptured);
    }
}
