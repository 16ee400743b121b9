using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class BatchStepValueConfiguration : IEntityTypeConfiguration<BatchStepValue>
{
    public void Configure(EntityTypeBuilder<BatchStepValue> builder)
    {
        builder.ToTable("BatchStepValues");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Name).HasMaxLength(RecipeStep.NameMaxLength).IsRequired();
        builder.Property(v => v.Unit).HasUnitOfMeasure();
        builder.HasRange(v => v.Limits, "Limit");
        builder.Property(v => v.LastResult).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.CaptureTag).HasConversion(v => v!.Value.Value, v => new TagName(v)).HasMaxLength(TagName.MaxLength);
        builder.Property(v => v.CaptureMode).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(v => v.IsRecorded);
        builder.Ignore(v => v.IsCaptured);
    }
}
