using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class DeviceCredentialConfiguration : IEntityTypeConfiguration<DeviceCredential>
{
    public void Configure(EntityTypeBuilder<DeviceCredential> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Username).HasMaxLength(DeviceCredential.UsernameMaxLength).IsRequired();
        builder.HasIndex(d => d.Username).IsUnique();
        builder.Property(d => d.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(d => d.EquipmentCode).HasMaxLength(PlantCode.MaxLength).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(256).IsRequired();
    }
}
