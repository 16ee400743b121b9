using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class CleaningRecordConfiguration : IEntityTypeConfiguration<CleaningRecord>
{
    public void Configure(EntityTypeBuilder<CleaningRecord> builder)
    {
        builder.ToTable("CleaningRecords");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(c => c.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.EquipmentCode).HasPlantCode();
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.CleaningAgent).HasMaxLength(CleaningRecord.AgentMaxLength);
        builder.Property(c => c.AfterProductCode).HasMaxLength(40);
        builder.Property(c => c.AfterBatchNumber).HasMaxLength(40);
        builder.Property(c => c.CleanedByName).HasMaxLength(CleaningRecord.NameMaxLength).IsRequired();
        builder.Property(c => c.Comment).HasMaxLength(CleaningRecord.CommentMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.VerifiedByName).HasMaxLength(CleaningRecord.NameMaxLength);
        builder.Property(c => c.RefusalReason).HasMaxLength(CleaningRecord.CommentMaxLength);
        builder.Ignore(c => c.ReportedByDevice);
        builder.HasIndex(c => new { c.EquipmentId, c.CleanedAt });
        builder.HasIndex(c => c.Status);
    }
}
