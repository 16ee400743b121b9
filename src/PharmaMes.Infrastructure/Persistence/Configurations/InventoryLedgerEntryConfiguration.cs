using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Materials;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class InventoryLedgerEntryConfiguration : IEntityTypeConfiguration<InventoryLedgerEntry>
{
    public void Configure(EntityTypeBuilder<InventoryLedgerEntry> builder)
    {
        builder.ToTable("InventoryLedger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<MaterialLot>().WithMany().HasForeignKey(e => e.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Material>().WithMany().HasForeignKey(e => e.MaterialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.LotId, e.OccurredAt });
        builder.HasIndex(e => new { e.MaterialId, e.OccurredAt });
        builder.Property(e => e.Movement).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Change).HasPrecision(18, 6);
        builder.Property(e => e.Unit).HasUnitOfMeasure();
        builder.Property(e => e.Reference).HasMaxLength(InventoryLedgerEntry.ReferenceMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(InventoryLedgerEntry.ReasonMaxLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(InventoryLedgerEntry.RecordedByMaxLength).IsRequired();
    }
}
