using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Identity;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        builder.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(256);
        builder.Ignore(k => k.IsActive);
    }
}
