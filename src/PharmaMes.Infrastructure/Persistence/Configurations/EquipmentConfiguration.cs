using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Code).HasPlantCode();
        // Equipment codes are unique in the plant: they are what devices publish under and people scan.
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Equipment.NameMaxLength).IsRequired();
        builder.Property(e => e.Class).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StateReason).HasMaxLength(200);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LastProductCode).HasMaxLength(40);
        builder.Property(e => e.LastBatchNumber).HasMaxLength(40);
        builder.Property(e => e.LastCleaningMethod).HasConversion<string>().HasMaxLength(30);
        // Hold times run to days: stored as ticks, since SQL Server's time type ends at 24 hours.
        builder.Property(e => e.CleanHoldTime).HasConversion<long>();
        builder.Property(e => e.DirtyHoldTime).HasConversion<long>();
        builder.Property(e => e.RetiredReason).HasMaxLength(Equipment.RetiredReasonMaxLength);
        builder.Property(e => e.RetiredBy).HasMaxLength(Equipment.RetiredByMaxLength);
        // Read and written whole with the equipment, and audited with it.
        builder.Property(e => e.ProductRates).HasJsonDocument().HasDefaultValue(new List<ProductIdealRate>());
        // An explicit Sparkplug address: three columns, all set or all null (the default rule).
        builder.Property(e => e.SparkplugGroupId).HasMaxLength(SparkplugAddress.MaxLength);
        builder.Property(e => e.SparkplugEdgeNodeId).HasMaxLength(SparkplugAddress.MaxLength);
        builder.Property(e => e.SparkplugDeviceId).HasMaxLength(SparkplugAddress.MaxLength);
        builder.Ignore(e => e.SparkplugAddress);
        builder.Ignore(e => e.CleaningRules);
        builder.Ignore(e => e.IsRetired);
        builder.HasMany(e => e.Tags).WithOne().HasForeignKey(t => t.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Tags).HasField("_tags");
    }
}
