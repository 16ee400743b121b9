using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class TagDefinitionConfiguration : IEntityTypeConfiguration<TagDefinition>
{
    public void Configure(EntityTypeBuilder<TagDefinition> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name)
            .HasConversion(v => v.Value, v => new TagName(v))
            .HasMaxLength(TagName.MaxLength);
        builder.HasIndex(t => new { t.EquipmentId, t.Name }).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(TagDefinition.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.Unit).HasUnitOfMeasure();
        builder.Property(t => t.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.SparkplugMetric).HasMaxLength(SparkplugMetricName.MaxLength);
        builder.Ignore(t => t.MetricName);
        builder.ComplexProperty(t => t.NormalRange, range =>
        {
            range.Property(r => r.Low).HasColumnName("NormalLow");
            range.Property(r => r.High).HasColumnName("NormalHigh");
        });
        builder.ComplexProperty(t => t.AlarmLimits, range =>
        {
            range.Property(r => r.Low).HasColumnName("AlarmLow");
            range.Property(r => r.High).HasColumnName("AlarmHigh");
        });
    }
}
