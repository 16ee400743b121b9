using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class CalibrationRecordConfiguration : IEntityTypeConfiguration<CalibrationRecord>
{
    public void Configure(EntityTypeBuilder<CalibrationRecord> builder)
    {
        builder.ToTable("CalibrationRecords");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(c => c.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.EquipmentCode).HasPlantCode();
        builder.Property(c => c.Instrument).HasMaxLength(CalibrationRecord.TextMaxLength).IsRequired();
        builder.Property(c => c.ReferenceStandard).HasMaxLength(CalibrationRecord.TextMaxLength).IsRequired();
        builder.Property(c => c.StandardCertificate).HasMaxLength(CalibrationRecord.TextMaxLength).IsRequired();
        builder.Property(c => c.AsFound).HasMaxLength(CalibrationRecord.TextMaxLength).IsRequired();
        builder.Property(c => c.AsLeft).HasMaxLength(CalibrationRecord.TextMaxLength).IsRequired();
        builder.Property(c => c.PerformedByName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Comment).HasMaxLength(CalibrationRecord.CommentMaxLength);
        builder.HasIndex(c => new { c.EquipmentId, c.RecordedAt });
    }
}
