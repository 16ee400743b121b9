using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Sequence);
        // The chain position is assigned by the writer under the head lock, never by the database.
        builder.Property(a => a.Sequence).ValueGeneratedNever();
        builder.Property(a => a.UserName).HasMaxLength(AuditEntry.NameMaxLength).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength).IsRequired();
        builder.Property(a => a.EntityLabel).HasMaxLength(AuditEntry.NameMaxLength);
        builder.Property(a => a.Field).HasMaxLength(AuditEntry.FieldMaxLength);
        builder.Property(a => a.OldValue).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.Property(a => a.NewValue).HasMaxLength(AuditEntry.ValueMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(AuditEntry.ReasonMaxLength);
        builder.Property(a => a.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsRequired();
        builder.Property(a => a.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsRequired();
        builder.Property(a => a.KeyId).HasMaxLength(AuditEntry.KeyIdLength).IsFixedLength();
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.UserName);
    }
}
