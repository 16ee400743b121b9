using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Signatures;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ElectronicSignatureConfiguration : IEntityTypeConfiguration<ElectronicSignature>
{
    public void Configure(EntityTypeBuilder<ElectronicSignature> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SignerUserName).HasMaxLength(ElectronicSignature.NameMaxLength).IsRequired();
        builder.Property(s => s.PrintedName).HasMaxLength(ElectronicSignature.NameMaxLength).IsRequired();
        builder.Property(s => s.Meaning).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SubjectType).HasMaxLength(ElectronicSignature.SubjectTypeMaxLength).IsRequired();
        builder.Property(s => s.ContentHash).HasMaxLength(ElectronicSignature.HashLength).IsFixedLength().IsRequired();
        builder.Property(s => s.Comment).HasMaxLength(ElectronicSignature.CommentMaxLength);
        builder.HasIndex(s => new { s.SubjectType, s.SubjectId });
        builder.HasIndex(s => s.SignerId);
        builder.Ignore(s => s.Manifestation);
    }
}
