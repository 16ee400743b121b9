using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class BatchRecordEntryConfiguration : IEntityTypeConfiguration<BatchRecordEntry>
{
    public void Configure(EntityTypeBuilder<BatchRecordEntry> builder)
    {
        builder.ToTable("BatchRecordEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Batch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Restrict);
        // One number per entry and batch: two writers racing for the same number cannot both win.
        builder.HasIndex(e => new { e.BatchId, e.Sequence }).IsUnique();
        builder.Property(e => e.UserName).HasMaxLength(BatchRecordEntry.UserNameMaxLength).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Name).HasMaxLength(BatchRecordEntry.NameMaxLength);
        builder.Property(e => e.Text).HasMaxLength(BatchRecordEntry.TextMaxLength);
        builder.Property(e => e.Unit).HasConversion(v => v!.Value.Symbol, v => new UnitOfMeasure(v)).HasMaxLength(UnitOfMeasure.MaxLength);
        builder.Property(e => e.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LotNumber).HasConversion(v => v!.Value.Value, v => new LotNumber(v)).HasMaxLength(LotNumber.MaxLength);
        builder.Property(e => e.Amount).HasPrecision(18, 6);
        builder.Property(e => e.CapturedTag).HasConversion(v => v!.Value.Value, v => new TagName(v)).HasMaxLength(TagName.MaxLength);
        builder.Ignore(e => e.Quantity);
        builder.Ignore(e => e.Limits);
    }
}
